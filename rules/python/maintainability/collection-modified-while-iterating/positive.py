def wait_all(servers, wait):
    # expect: collection-modified-while-iterating
    for idx, server in enumerate(servers):
        servers[idx] = wait(server,
                            "ACTIVE")
    return servers


def prune(sessions):
    # expect: collection-modified-while-iterating
    for key in sessions.keys():
        if sessions[key].expired:
            del sessions[key]


def dedupe(items):
    # expect: collection-modified-while-iterating
    for item in items:
        if items.count(item) > 1:
            items.remove(item)
