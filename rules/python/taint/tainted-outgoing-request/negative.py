from urllib.parse import urlparse

import requests
from flask import request

ALLOWED = {"api.example.com"}
FEEDS = {"news": "https://news.example.com/rss"}


def mapped():
    # ok: tainted-outgoing-request (a key of a fixed table)
    return requests.get(FEEDS[request.args["feed"]], timeout=5)


def allow_listed():
    url = request.args["url"]
    if urlparse(url).hostname not in ALLOWED:
        return "forbidden", 403
    # ok: tainted-outgoing-request
    return requests.get(url, timeout=5)


def query_only():
    # ok: tainted-outgoing-request (the value is a query parameter)
    return requests.get("https://api.example.com/search", params={"q": request.args["q"]})
