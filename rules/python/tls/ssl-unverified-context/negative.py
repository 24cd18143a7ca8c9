import ssl

import urllib3
from OpenSSL import SSL


def client():
    # ok: ssl-unverified-context
    ctx = ssl.create_default_context()
    return ctx


def private_ca(cafile):
    # ok: ssl-unverified-context
    return ssl.create_default_context(cafile=cafile)


def server(certfile, keyfile):
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(certfile, keyfile)
    # ok: ssl-unverified-context (a server that does not ask clients for certificates)
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def strict(ctx):
    # ok: ssl-unverified-context
    ctx.verify_mode = ssl.CERT_REQUIRED
    # ok: ssl-unverified-context
    ctx.check_hostname = True


def pool():
    # ok: ssl-unverified-context
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED")


def pyopenssl(ctx):
    # ok: ssl-unverified-context
    ctx.set_verify(SSL.VERIFY_PEER, lambda *args: True)


def server_socket(sock, certfile):
    # ok: ssl-unverified-context (server side)
    return ssl.wrap_socket(sock, certfile=certfile, server_side=True)
