import aiohttp
import httpx
import requests
import requests as rq
from flask import request
from urllib.request import urlopen


def preview():
    # expect: ssrf-request-url
    return requests.get(request.args["url"], timeout=5).text


def webhook_test():
    target = request.json["callback"]
    # expect: ssrf-request-url
    return rq.post(target, json={"ping": True}, timeout=5)


def status():
    host = request.args.get("host")
    # expect: ssrf-request-url
    return urlopen(f"http://{host}/status").read()


def proxy(request):
    session = requests.Session()
    # expect: ssrf-request-url
    return session.request("GET", "https://" + request.GET["backend"] + "/api", timeout=5)


async def fetch(request):
    async with httpx.AsyncClient() as client:
        # expect: ssrf-request-url
        return await client.get(request.query_params["feed"])


async def fetch_aiohttp(request):
    url = request.query_params.get("u")
    async with aiohttp.ClientSession() as session:
        # expect: ssrf-request-url
        async with session.get(url) as response:
            return await response.text()
