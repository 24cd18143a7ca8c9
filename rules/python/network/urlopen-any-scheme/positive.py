import urllib.request
from urllib.parse import urlsplit
from urllib.request import Request, urlretrieve
from urllib.request import urlopen as fetch

import six
from flask import request


def read(url):
    # expect: urlopen-any-scheme
    with urllib.request.urlopen(url, timeout=10) as resp:
        return resp.read()


def proxy():
    target = request.args["url"]
    # expect: urlopen-any-scheme
    return fetch(target, timeout=10).read()


def download(url, dest):
    # expect: urlopen-any-scheme
    urlretrieve(url, dest)


def with_request_object(url):
    req = Request(url, headers={"User-Agent": "bot"})
    # expect: urlopen-any-scheme
    return fetch(req, timeout=10)


def legacy_six(url):
    # expect: urlopen-any-scheme
    return six.moves.urllib.request.urlopen(url, timeout=10)


def local_file(name):
    # expect: urlopen-any-scheme
    return fetch("file://" + name, timeout=10)


def old_opener(url):
    # expect: urlopen-any-scheme (cited as the opener of the call below)
    opener = urllib.request.FancyURLopener()
    # expect: urlopen-any-scheme
    return opener.open(url)


def make_opener():
    # expect: urlopen-any-scheme
    return urllib.request.URLopener()


def checked(url):
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(url)
    # expect: urlopen-any-scheme (low confidence: the scheme is checked first)
    return fetch(url, timeout=10)
