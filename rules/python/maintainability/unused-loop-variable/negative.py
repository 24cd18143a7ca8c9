def retry(action):
    # ok: unused-loop-variable (already `_`)
    for _ in range(3):
        if action():
            return True
    return False


def ping(send, hosts):
    # ok: unused-loop-variable
    for host in hosts:
        send(host)


def last(items):
    # ok: unused-loop-variable (used after the loop)
    for item in items:
        pass
    return item
