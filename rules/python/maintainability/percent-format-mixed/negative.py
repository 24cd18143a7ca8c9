import logging

LOG = logging.getLogger(__name__)


def describe(server):
    name = f"{server.name} ({server.id})"
    state = f"state={server.state}"
    # ok: percent-format-mixed (logging formats its arguments lazily)
    LOG.info("describing %s in %s", server.id, server.region)
    # ok: percent-format-mixed (eager %-formatting inside a logging call: a different fix)
    LOG.debug("host %s" % server.host)
    # ok: percent-format-mixed (bytes have no f-string form)
    tag = b"id=%d" % server.number
    # ok: percent-format-mixed (the template is not a literal here, e.g. a translated string)
    note = _("server %s") % server.id
    # ok: percent-format-mixed (modulo on numbers)
    slot = server.number % 8
    return f"{name} {state} {tag!r} {note} {slot}"


def url(base, path):
    return f"{base.rstrip('/')}/{path.lstrip('/')}"
