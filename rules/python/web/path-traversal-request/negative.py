import os
from pathlib import Path

from flask import request, send_file, send_from_directory
from werkzeug.utils import secure_filename

UPLOADS = Path("/srv/uploads")
BASE = "/srv/reports"


def upload():
    f = request.files["doc"]
    # ok: path-traversal-request (secure_filename)
    f.save(os.path.join("/srv/uploads", secure_filename(f.filename)))
    return "ok"


def upload_named():
    f = request.files["doc"]
    name = secure_filename(f.filename)
    # ok: path-traversal-request (the name is sanitised first)
    f.save(os.path.join("/srv/uploads", name))


def download():
    # ok: path-traversal-request (send_from_directory refuses paths outside the directory)
    return send_from_directory(BASE, request.args["name"])


def contained():
    path = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if not path.startswith(BASE + os.sep):
        return "forbidden", 403
    # ok: path-traversal-request (resolved and checked against the base directory)
    return send_file(path)


def basename_only(request):
    name = os.path.basename(request.GET["name"])
    # ok: path-traversal-request (basename strips directories)
    return open(os.path.join(BASE, name)).read()


def fixed():
    # ok: path-traversal-request (the request chooses nothing)
    return send_file(os.path.join(BASE, "summary.pdf"))


def index_checked():
    page = request.args.get("page", "index")
    if page not in ("index", "about", "help"):
        return "not found", 404
    # ok: path-traversal-request (compared with an allow-list)
    return (UPLOADS / page).read_text()


def not_request(name):
    # ok: path-traversal-request (a parameter of a helper, not the request)
    return open(os.path.join(BASE, name)).read()
