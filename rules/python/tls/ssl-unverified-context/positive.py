import ssl
import urllib.request
from ssl import CERT_NONE, _create_unverified_context

import urllib3
from OpenSSL import SSL


def fetch(url):
    # expect: ssl-unverified-context
    ctx = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=ctx, timeout=10)


def imported_directly():
    # expect: ssl-unverified-context
    return _create_unverified_context()


# expect: ssl-unverified-context
ssl._create_default_https_context = ssl._create_unverified_context


def client_context():
    ctx = ssl.create_default_context()
    # expect: ssl-unverified-context
    ctx.check_hostname = False
    # expect: ssl-unverified-context
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def any_host(cafile):
    ctx = ssl.create_default_context(cafile=cafile)
    # expect: ssl-unverified-context
    ctx.check_hostname = False
    return ctx


def pool():
    # expect: ssl-unverified-context
    return urllib3.PoolManager(cert_reqs="CERT_NONE")


def pool_constant():
    # expect: ssl-unverified-context
    return urllib3.PoolManager(cert_reqs=CERT_NONE)


def pyopenssl(ctx_method):
    ctx = SSL.Context(ctx_method)
    # expect: ssl-unverified-context
    ctx.set_verify(SSL.VERIFY_NONE, lambda *args: True)
    return ctx


def legacy(sock):
    # expect: ssl-unverified-context
    return ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_TLS_CLIENT)


def configurable(insecure):
    ctx = ssl.create_default_context()
    # expect: ssl-unverified-context
    ctx.verify_mode = ssl.CERT_NONE if insecure else ssl.CERT_REQUIRED
    return ctx
