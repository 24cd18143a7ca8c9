import requests


def fetch(url):
    # ok: tls-verify-disabled
    return requests.get(url, timeout=5)


def private_ca(url):
    # ok: tls-verify-disabled (a CA bundle path)
    return requests.get(url, timeout=5, verify="/etc/ssl/certs/internal-ca.pem")


def explicit(url):
    # ok: tls-verify-disabled
    return requests.get(url, timeout=5, verify=True)


def lookup(mapping, key):
    # ok: tls-verify-disabled
    return mapping.get(key)


def get(url, verify):
    return url, verify


def local_function_named_get(url):
    # ok: tls-verify-disabled (a local function, not an HTTP client)
    return get(url, verify=False)
