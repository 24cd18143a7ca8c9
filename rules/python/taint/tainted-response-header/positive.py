from flask import Response, request
from werkzeug.datastructures import Headers


def track():
    response = Response("ok")
    lang = request.args.get("lang", "en")
    # expect: tainted-response-header
    response.headers["Content-Language"] = lang
    return response


def content_type():
    headers = Headers()
    # expect: tainted-response-header
    headers.add("Content-Type", request.args["type"])
    return Response("ok", headers=headers)
