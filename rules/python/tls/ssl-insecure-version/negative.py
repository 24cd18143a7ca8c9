import ssl

from OpenSSL import SSL


def client():
    # ok: ssl-insecure-version
    ctx = ssl.create_default_context()
    # ok: ssl-insecure-version
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def explicit_client():
    # ok: ssl-insecure-version
    return ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


def pyopenssl():
    # ok: ssl-insecure-version
    ctx = SSL.Context(SSL.TLS_METHOD)
    # ok: ssl-insecure-version
    ctx.set_min_proto_version(SSL.TLS1_2_VERSION)
    return ctx


# ok: ssl-insecure-version
def open_tls_socket(sock, version=ssl.PROTOCOL_TLS_CLIENT):
    return sock, version


def wrap(sock, host):
    ctx = ssl.create_default_context()
    # ok: ssl-insecure-version (SSLContext.wrap_socket takes its version from the context)
    return ctx.wrap_socket(sock, server_hostname=host)


class Proto:
    PROTOCOL_TLSv1 = 1


def local_constant(connect):
    # ok: ssl-insecure-version (a local class attribute, not ssl's constant)
    return connect(Proto.PROTOCOL_TLSv1)
