import os
import shutil
from pathlib import Path

from flask import Flask, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/delete")
def delete():
    name = request.args.get("name")
    # expect: tainted-file-path
    os.remove(os.path.join(BASE, name))


@app.route("/files/<path:name>")
def download(name):
    # expect: tainted-file-path
    return send_file(BASE + "/" + name)


def read(request):
    # expect: tainted-file-path
    return Path(BASE, request.GET["doc"]).read_text()


def unchecked_prefix():
    path = BASE + "/" + request.args["p"]
    if not path.startswith(BASE):
        return "no", 403
    # expect: tainted-file-path
    with open(path) as f:
        return f.read()


def archive():
    upload = request.files["archive"]
    # expect: tainted-file-path
    shutil.rmtree("/tmp/" + upload.filename)
