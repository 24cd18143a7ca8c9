import time


def wait_for(server, api):
    # expect: todo-without-reference
    # TODO: make the timeout configurable
    for attempt in range(10):
        if api.get_server(server)["status"] == "ACTIVE":
            return True
        # expect: todo-without-reference
        time.sleep(0.5)  # FIXME this sleeps even on the last attempt
    return False


# expect: todo-without-reference
# XXX: the scheduler sends UTF-8 names; decode them here?
def decode(name):
    # expect: todo-without-reference
    # HACK - strip the prefix until the API is fixed
    return name.decode("utf-8")[4:]
