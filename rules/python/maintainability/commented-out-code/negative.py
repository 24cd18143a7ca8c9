import time


def boot(api, flavor):
    # ok: commented-out-code (prose)
    # Boot the server and wait for it to become active.
    server = api.post_server({"flavor": flavor})
    return server


def migrate(api, server):
    # ok: commented-out-code (prose with a call in it does not parse)
    # NOTE(sbauza): Since API version 2.34, live_migrate() checks are
    # done asynchronously, so we poll the migrations API.
    api.live_migrate(server, None)


def poll(api, server):
    # ok: commented-out-code (a tool directive)
    # pylint: disable=unused-variable
    for attempt in range(10):
        # ok: commented-out-code (one word and a label are not code)
        # Retry
        # Default: 10
        time.sleep(0.5)


# ok: commented-out-code (owner tag)
# TODO(sbauza)
def old_poll(api, server):
    # ok: commented-out-code (single bare return reads as prose)
    # return early
    return api.get_server(server)["status"]


# ok: commented-out-code (format description, an annotation)
# Format: key=value
CONFIG = {}
