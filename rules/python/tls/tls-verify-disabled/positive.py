import httpx
import requests

INSECURE = False


def fetch(url):
    # expect: tls-verify-disabled
    return requests.get(url, verify=False)


def submit(url, data):
    # expect: tls-verify-disabled
    return requests.post(url, data=data, timeout=5, verify=INSECURE)


def client():
    # expect: tls-verify-disabled
    return httpx.Client(verify=False)


def with_session(url):
    session = requests.Session()
    # expect: tls-verify-disabled
    return session.get(url, timeout=5, verify=False)
