import os
import shlex
import subprocess
import sys
from flask import Flask, abort, request

app = Flask(__name__)
HOSTS = {"db1", "db2"}


def quoted():
    host = request.args.get("host")
    # ok: tainted-shell-command (quoted for the shell)
    os.system("ping -c 1 " + shlex.quote(host))


def number():
    count = int(request.args["count"])
    # ok: tainted-shell-command (an integer carries no shell syntax)
    os.system(f"ping -c {count} localhost")


def allow_listed():
    host = request.args["host"]
    if host not in HOSTS:
        abort(400)
    # ok: tainted-shell-command (checked against an allow-list before use)
    os.system("ping -c 1 " + host)


def allow_listed_branch():
    host = request.args["host"]
    if host in HOSTS:
        # ok: tainted-shell-command (inside the allow-list branch)
        os.system("ping -c 1 " + host)


def early_return():
    host = request.args["host"]
    if not host.isalnum():
        return "bad host", 400
    # ok: tainted-shell-command (validated: letters and digits only)
    os.system("ping -c 1 " + host)


def no_shell():
    # ok: tainted-shell-command (a list without shell=True: no shell parses the value)
    subprocess.run(["ping", "-c", "1", request.args["host"]])


def constant():
    # ok: tainted-shell-command
    os.system("uptime")


def helper(cmd):
    return "safe"


def overwritten():
    value = request.args["v"]
    value = helper(value)
    # ok: tainted-shell-command (the helper returns a constant)
    os.system("echo " + value)


def not_a_source(settings):
    # ok: tainted-shell-command (a parameter of a plain function is not client data)
    os.system("backup " + settings.path)


def command_line():
    # ok: tainted-shell-command (the command line is chosen by whoever runs the program)
    os.system("echo " + sys.argv[1])
