def retry(action):
    # expect: unused-loop-variable
    for attempt in range(3):
        if action():
            return True
    return False


def ping(send, hosts):
    # expect: unused-loop-variable
    for host in hosts:
        send("ping")
