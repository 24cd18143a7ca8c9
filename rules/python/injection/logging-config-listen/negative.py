import logging.config
import socket


def verified(data):
    return data if data.startswith(b"signed:") else None


def start():
    # ok: logging-config-listen
    return logging.config.listen(9999, verify=verified)


def positional(port):
    # ok: logging-config-listen
    return logging.config.listen(port, verified)


def socket_listen(sock: socket.socket):
    # ok: logging-config-listen
    sock.listen(5)


def forwarded(**kwargs):
    # ok: logging-config-listen (verify may be in **kwargs)
    return logging.config.listen(9999, **kwargs)
