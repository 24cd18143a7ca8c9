import requests
from flask import request
from urllib.request import urlopen


def preview():
    url = request.args["url"]
    # expect: tainted-outgoing-request
    return requests.get(url, timeout=5).text


def status(request):
    host = request.GET.get("host")
    # expect: tainted-outgoing-request
    return urlopen(f"http://{host}/status").read()


def generic():
    # expect: tainted-outgoing-request
    return requests.request("POST", request.json["callback"], timeout=5)
