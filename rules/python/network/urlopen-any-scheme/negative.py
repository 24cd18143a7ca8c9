import urllib.request
from urllib.request import Request, urlopen

API = "https://api.example.com"


def constant():
    # ok: urlopen-any-scheme
    return urlopen("https://example.com/feed.xml", timeout=10)


def fixed_prefix(path):
    # ok: urlopen-any-scheme (the scheme and host are fixed by the constant prefix)
    return urlopen(API + "/items/" + path, timeout=10)


def fixed_fstring(item_id):
    # ok: urlopen-any-scheme
    return urlopen(f"{API}/items/{item_id}", timeout=10)


def formatted(item_id):
    # ok: urlopen-any-scheme
    return urlopen("https://api.example.com/items/{}".format(item_id), timeout=10)


def request_object(path):
    req = Request("https://api.example.com/" + path)
    # ok: urlopen-any-scheme
    return urlopen(req, timeout=10)


def opener_with_constants():
    opener = urllib.request.URLopener()
    # ok: urlopen-any-scheme
    return opener.open("https://example.com/")

