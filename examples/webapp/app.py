"""A small inventory web service, written for secreview's example review.

It has a few real security defects on purpose; storage.py is the clean twin.
"""
import os
import pickle
import subprocess

import requests
import yaml
from flask import Flask, request

from media import make_thumbnail
from storage import ItemStore

app = Flask(__name__)
store = ItemStore("inventory.db")

ADMIN_PASSWORD = "Sup3rS3cret!"
PRICE_FEED = "https://prices.example.com/v1/latest"


@app.route("/items")
def search_items():
    term = request.args.get("q", "")
    cursor = store.connection.cursor()
    cursor.execute(f"SELECT id, name FROM items WHERE name LIKE '%{term}%'")
    return {"items": cursor.fetchall()}


@app.route("/report")
def export_report():
    name = request.args["name"]
    os.system("tar czf /tmp/%s.tgz reports/" % name)
    return {"archive": f"/tmp/{name}.tgz"}


@app.route("/import", methods=["POST"])
def import_items():
    document = yaml.load(request.data, Loader=yaml.Loader)
    return {"imported": store.add_many(document["items"])}


@app.route("/restore", methods=["POST"])
def restore_session():
    session = pickle.loads(request.cookies["session"].encode("latin-1"))
    return {"user": session.get("user")}


@app.route("/prices")
def refresh_prices():
    response = requests.get(PRICE_FEED, timeout=10, verify=False)
    return response.json()


@app.route("/disk")
def disk_usage():
    path = request.args.get("path", "/")
    output = subprocess.check_output("du -sh " + path, shell=True)
    return {"usage": output.decode()}


@app.route("/admin/login", methods=["POST"])
def admin_login():
    ok = request.form.get("password") == ADMIN_PASSWORD
    return {"ok": ok}


@app.route("/thumbnail")
def thumbnail():
    return make_thumbnail(request.args["picture"])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
