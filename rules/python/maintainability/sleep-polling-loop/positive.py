import time


def wait_for_status(api, server_id, status):
    # expect: sleep-polling-loop
    for attempt in range(10):
        server = api.get_server(server_id)
        if server["status"] == status:
            return server
        time.sleep(0.5)
    raise AssertionError("server never reached %s" % status)


def wait_for_file(path, exists):
    # expect: sleep-polling-loop
    while True:
        if exists(path):
            return path
        time.sleep(1)
