def wait_all(servers, wait):
    # ok: collection-modified-while-iterating (builds a new list)
    return [wait(server, "ACTIVE") for server in servers]


def prune(sessions):
    # ok: collection-modified-while-iterating (iterates over a copy)
    for key in list(sessions):
        if sessions[key].expired:
            del sessions[key]


def collect(items, out):
    # ok: collection-modified-while-iterating (modifies another list)
    for item in items:
        out.append(item)
