import os

from flask import abort, request, send_from_directory
from werkzeug.utils import secure_filename

BASE = "/srv/files"


def basename():
    name = os.path.basename(request.args["name"])
    # ok: tainted-file-path (a base name cannot leave the directory)
    return open(os.path.join(BASE, name)).read()


def secure():
    name = secure_filename(request.args["name"])
    # ok: tainted-file-path
    os.remove(os.path.join(BASE, name))


def resolved():
    path = os.path.realpath(os.path.join(BASE, request.args["p"]))
    if not path.startswith(BASE + os.sep):
        abort(403)
    # ok: tainted-file-path (resolved, then checked against the base)
    return open(path).read()


def from_directory():
    # ok: tainted-file-path (send_from_directory refuses paths outside the directory)
    return send_from_directory(BASE, request.args["name"])


def constant():
    # ok: tainted-file-path
    return open("/etc/hostname").read()
