import httpx
import requests


def fetch(url):
    # ok: request-without-timeout
    return requests.get(url, timeout=10)


def tuple_timeout(url, data):
    # ok: request-without-timeout
    return requests.post(url, data=data, timeout=(3.05, 27))


def session(url):
    s = requests.Session()
    # ok: request-without-timeout
    return s.get(url, timeout=5)


def httpx_default(url):
    # ok: request-without-timeout (httpx applies a 5 second default)
    return httpx.get(url)


def httpx_client(url):
    # ok: request-without-timeout
    with httpx.Client(timeout=httpx.Timeout(10.0)) as client:
        # ok: request-without-timeout
        return client.get(url)


def lookup(mapping, key):
    # ok: request-without-timeout (a dict, not an HTTP session)
    return mapping.get(key)
