import time


def wait_for(server, api):
    # ok: todo-without-reference (owner in parentheses)
    # TODO(sbauza): make the timeout configurable
    for attempt in range(10):
        if api.get_server(server)["status"] == "ACTIVE":
            return True
        # ok: todo-without-reference (bug number)
        time.sleep(0.5)  # FIXME: sleeps on the last attempt, bug #1718455
    return False


# ok: todo-without-reference (the link is on the next comment line)
# XXX: remove once the scheduler is fixed, see
# https://bugs.launchpad.net/nova/+bug/1718455
def decode(name):
    # ok: todo-without-reference (tracker key)
    # HACK: strip the prefix until NOVA-1234 lands
    return name.decode("utf-8")[4:]


# ok: todo-without-reference (not an upper-case marker word)
# The todo list and TODO_ITEMS are data, not markers.
TODO_ITEMS = ["a todo", "XXXL"]
