import socket


def serve(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # ok: bind-all-interfaces
    sock.bind(("127.0.0.1", port))
    return sock


def is_wildcard(address):
    # ok: bind-all-interfaces (a comparison, not a bind)
    return address == "0.0.0.0"


def qualified(namespace, name):
    # ok: bind-all-interfaces (a separator)
    return "::".join([namespace, name])


# ok: bind-all-interfaces (a route, not an address)
NULL_ROUTE = "0.0.0.0/0"
