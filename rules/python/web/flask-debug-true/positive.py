import flask
from flask import Flask
from flask import Flask as App

from myapp import create_app

app = Flask(__name__)
admin = App("admin")


@app.route("/")
def index():
    return "ok"


def serve():
    # expect: flask-debug-true
    app.run(debug=True)


def serve_admin():
    # expect: flask-debug-true
    admin.run(host="127.0.0.1", port=5001, debug=1)


def inline():
    # expect: flask-debug-true
    flask.Flask(__name__).run(debug=True)


def factory():
    application = create_app()
    # expect: flask-debug-true
    application.run(debug=True)
