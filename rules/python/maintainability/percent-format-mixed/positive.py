import logging

LOG = logging.getLogger(__name__)


def describe(server):
    name = f"{server.name} ({server.id})"
    state = f"state={server.state}"
    # expect: percent-format-mixed
    host = "host=%s" % server.host
    return f"{name} {state} {host}"


def summary(servers, region):
    header = f"{len(servers)} servers in {region}"
    lines = [f"- {s.name}" for s in servers]
    # expect: percent-format-mixed
    footer = "region %s, %d active" % (region, sum(s.active for s in servers))
    return "\n".join([header, *lines, footer])


def fail(server, expected):
    LOG.error(f"server {server.id} is not {expected}")
    raise RuntimeError(
        'Timed out waiting for server "%s" to reach '
        # expect: percent-format-mixed
        'state %s' % (server.id, expected))


def url(base, path):
    return f"{base.rstrip('/')}/{path.lstrip('/')}"


def key(a, b):
    return f"{a}:{b}"


def label(server):
    return f"<{server.name}>"
