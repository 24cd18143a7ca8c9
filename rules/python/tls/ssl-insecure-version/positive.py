import ssl
from ssl import PROTOCOL_TLSv1 as OLD_TLS

from OpenSSL import SSL

LEGACY = ssl.PROTOCOL_SSLv3


def legacy_client(sock):
    # expect: ssl-insecure-version
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv2, cert_reqs=ssl.CERT_REQUIRED)


def pinned_context():
    # expect: ssl-insecure-version
    return ssl.SSLContext(OLD_TLS)


def through_constant():
    # expect: ssl-insecure-version
    return ssl.SSLContext(LEGACY)


def pyopenssl_context():
    # expect: ssl-insecure-version
    return SSL.Context(SSL.TLSv1_1_METHOD)


def adapter(pool_manager, connections):
    # expect: ssl-insecure-version
    return pool_manager(num_pools=connections, ssl_version=ssl.PROTOCOL_TLSv1)


def helper(connect, host):
    # expect: ssl-insecure-version
    return connect(host, ssl.PROTOCOL_TLSv1_1)


# expect: ssl-insecure-version
def open_tls_socket(sock, version=ssl.PROTOCOL_SSLv3):
    return sock, version


def floor():
    ctx = ssl.create_default_context()
    # expect: ssl-insecure-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1
    return ctx


def pyopenssl_floor(ctx):
    # expect: ssl-insecure-version
    ctx.set_min_proto_version(SSL.TLS1_VERSION)


def negotiated():
    # expect: ssl-insecure-version
    return SSL.Context(SSL.SSLv23_METHOD)


def unversioned(sock):
    # expect: ssl-insecure-version
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_REQUIRED, ca_certs="/etc/ssl/ca.pem")
