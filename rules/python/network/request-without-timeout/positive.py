import httpx
import requests
from requests import post as send

TIMEOUT = None


def fetch(url):
    # expect: request-without-timeout
    return requests.get(url)


def submit(url, data):
    # expect: request-without-timeout
    return send(url, data=data)


def explicit_none(url):
    # expect: request-without-timeout
    return requests.request("DELETE", url, timeout=TIMEOUT)


def with_session(url):
    session = requests.Session()
    # expect: request-without-timeout
    return session.get(url)


def with_block(url):
    with requests.Session() as s:
        # expect: request-without-timeout
        return s.put(url, json={})


def httpx_none(url):
    # expect: request-without-timeout
    return httpx.get(url, timeout=None)


def httpx_client():
    # expect: request-without-timeout
    return httpx.Client(timeout=httpx.Timeout(None))


async def httpx_async(url):
    # expect: request-without-timeout
    async with httpx.AsyncClient(timeout=None) as client:
        return await client.get(url)


def forwarded(url, **kwargs):
    # expect: request-without-timeout
    return requests.get(url, **kwargs)
