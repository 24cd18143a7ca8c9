import argparse
import logging
import os
import os.path as osp
import sqlite3 as db
from pathlib import Path as P

# expect: hardcoded-tmp-path
PID_FILE = "/tmp/worker.pid"

SETTINGS = {
    # expect: hardcoded-tmp-path
    "cache_dir": "/var/tmp/app-cache",
}


def write_report(data):
    # expect: hardcoded-tmp-path
    with open("/tmp/report.csv", "w") as f:
        f.write(data)


def lock_path(name):
    # expect: hardcoded-tmp-path
    return osp.join("/tmp", "locks.db") + name


def shared_memory(name):
    # expect: hardcoded-tmp-path
    return P("/dev/shm/" + name)


def session_store(user):
    # expect: hardcoded-tmp-path
    return db.connect(f"/tmp/sessions-{user}.sqlite")


def setup_logging():
    # expect: hardcoded-tmp-path
    logging.basicConfig(filename="/tmp/app.log", level=logging.INFO)


def parser():
    p = argparse.ArgumentParser()
    # expect: hardcoded-tmp-path
    p.add_argument("--output-dir", default="/tmp/out")
    return p


# expect: hardcoded-tmp-path
def upload(name, upload_dir="/tmp/uploads"):
    # expect: hardcoded-tmp-path
    os.rename(name, "/tmp/uploads/" + name)
    return upload_dir
