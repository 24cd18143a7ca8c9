import time


def wait_with_deadline(api, server_id, status, timeout=30):
    deadline = time.monotonic() + timeout
    # ok: sleep-polling-loop (keeps a deadline)
    while time.monotonic() < deadline:
        if api.get_server(server_id)["status"] == status:
            return True
        time.sleep(0.5)
    return False


def wait_with_backoff(probe):
    delay = 0.1
    # ok: sleep-polling-loop (the interval grows)
    for _ in range(8):
        if probe():
            return True
        time.sleep(delay)
        delay *= 2
    return False


def pause():
    # ok: sleep-polling-loop (not in a loop)
    time.sleep(1)
