import socket


def read_config(path, parse):
    # expect: file-handle-leak
    fh = open(path)
    data = parse(fh.read())
    fh.close()
    return data


def count_lines(path):
    # expect: file-handle-leak
    fh = open(path, encoding="utf-8")
    return len(fh.readlines())


def probe(host):
    # expect: file-handle-leak
    sock = socket.socket()
    sock.connect((host, 80))
    sock.close()
