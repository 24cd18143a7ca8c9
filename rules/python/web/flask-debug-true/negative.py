import os
import subprocess

from flask import Flask

app = Flask(__name__)


def default():
    # ok: flask-debug-true
    app.run()


def off():
    # ok: flask-debug-true
    app.run(debug=False)


def from_environment():
    # ok: flask-debug-true (the deployment decides)
    app.run(debug=os.environ.get("FLASK_DEBUG") == "1")


def other_run(cmd):
    # ok: flask-debug-true
    subprocess.run(cmd, check=True)


class Job:
    def run(self, debug):
        return debug


def unrelated():
    # ok: flask-debug-true
    Job().run(debug=True)
