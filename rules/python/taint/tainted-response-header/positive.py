from django.http import HttpResponse
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


def django_view(request):
    response = HttpResponse("ok")
    # expect: tainted-response-header
    response["Content-Type"] = request.META.get("CONTENT_TYPE", "text/html")
    return response
