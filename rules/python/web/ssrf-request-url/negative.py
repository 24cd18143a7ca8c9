from urllib.parse import urlparse

import requests
from flask import request

ALLOWED_HOSTS = {"api.example.com", "cdn.example.com"}
FEEDS = {"news": "https://news.example.com/rss", "blog": "https://blog.example.com/rss"}


def fixed_host():
    path = request.args["path"]
    # ok: ssrf-request-url (the host is fixed; the request only picks a path)
    return requests.get("https://api.example.com/" + path, timeout=5)


def mapped():
    # ok: ssrf-request-url (the request picks a key of a fixed table)
    return requests.get(FEEDS[request.args["feed"]], timeout=5)


def allow_listed():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED_HOSTS:
        return "forbidden", 403
    # ok: ssrf-request-url (checked against an allow-list)
    return requests.get(url, timeout=5).text


def query_parameter():
    # ok: ssrf-request-url (the request value goes into the query, not the URL)
    return requests.get("https://api.example.com/search", params={"q": request.args["q"]}, timeout=5)


def from_config(settings):
    # ok: ssrf-request-url
    return requests.get(settings.UPSTREAM_URL, timeout=5)


def not_a_client(cache):
    # ok: ssrf-request-url (dict.get, not an HTTP client)
    return cache.get(request.args["key"])
