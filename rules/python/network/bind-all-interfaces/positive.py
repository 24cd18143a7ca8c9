import socket

from flask import Flask

app = Flask(__name__)

# expect: bind-all-interfaces
LISTEN_HOST = "0.0.0.0"


def serve(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # expect: bind-all-interfaces
    sock.bind(("0.0.0.0", port))
    return sock


def serve_v6():
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    # expect: bind-all-interfaces
    sock.bind(("::", 8443))
    return sock


if __name__ == "__main__":
    # expect: bind-all-interfaces
    app.run(host="0.0.0.0", port=8080)
