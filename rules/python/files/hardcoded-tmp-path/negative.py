import os
import os.path as osp
import tempfile
from pathlib import Path as P


def scratch():
    # ok: hardcoded-tmp-path (tempfile picks the name and creates the file safely)
    with tempfile.NamedTemporaryFile(dir="/tmp") as f:
        return f.name


def workdir():
    # ok: hardcoded-tmp-path (tempfile.mkdtemp creates a private directory)
    return tempfile.mkdtemp(prefix="build-", dir="/var/tmp")


def is_temporary(path):
    # ok: hardcoded-tmp-path (a comparison, not a file location)
    return path.startswith("/tmp/")


def describe():
    # ok: hardcoded-tmp-path (a message)
    print("temporary files go to /tmp/<name>")


def free_space():
    # ok: hardcoded-tmp-path (the directory itself, no fixed name in it)
    return os.statvfs("/tmp")


def under(base, name):
    # ok: hardcoded-tmp-path (a bare directory joined with a name that is not fixed)
    return osp.join("/tmp", name)


def not_tmp():
    # ok: hardcoded-tmp-path (/tmpfs is not /tmp)
    return P("/tmpfs/data")
