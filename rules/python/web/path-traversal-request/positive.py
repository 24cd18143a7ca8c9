import os
import os.path as osp
from pathlib import Path

import flask
from django.http import FileResponse
from flask import request, send_file

UPLOADS = Path("/srv/uploads")
BASE = "/srv/reports"


def download():
    name = request.args["name"]
    # expect: path-traversal-request
    return send_file(os.path.join(BASE, name))


def report():
    # expect: path-traversal-request
    with open(f"/srv/reports/{request.args.get('file')}") as fh:
        return fh.read()


def upload():
    f = request.files["doc"]
    # expect: path-traversal-request
    f.save(osp.join("/srv/uploads", f.filename))
    return "ok"


def delete(request):
    # expect: path-traversal-request
    (UPLOADS / request.POST["name"]).unlink()


def show(request):
    path = Path(BASE, request.GET.get("page", "index.html"))
    # expect: path-traversal-request
    return path.read_text()


def django_download(request):
    # expect: path-traversal-request
    return FileResponse(open(os.path.join(BASE, request.GET["f"]), "rb"))


def flask_module():
    # expect: path-traversal-request
    return flask.send_file(BASE + "/" + request.values["doc"])
