from urllib.parse import quote

from flask import Response, request


def track():
    response = Response("ok")
    # ok: tainted-response-header (percent-encoded)
    response.headers["X-Lang"] = quote(request.args.get("lang", "en"))
    # ok: tainted-response-header (constant)
    response.headers["Cache-Control"] = "no-store"
    return response


def not_headers(tags):
    # ok: tainted-response-header (a set, not headers)
    tags.add(request.args["tag"])
