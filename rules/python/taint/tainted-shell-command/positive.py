# Sources, propagation steps and sinks for OS command injection (data-flow analysis).
import os
import subprocess
import sys
from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args.get("host")
    # expect: tainted-shell-command
    os.system("ping -c 1 " + host)


@app.route("/convert/<name>")
def convert(name):
    # expect: tainted-shell-command
    subprocess.run(f"convert {name} out.png", shell=True)


def django_view(request):
    cmd = "ls %s" % request.GET["dir"]
    # expect: tainted-shell-command
    return os.popen(cmd).read()


def console():
    answer = input("file? ")
    # expect: tainted-shell-command
    subprocess.call("cat {}".format(answer), shell=True)


def stdin():
    # expect: tainted-shell-command
    os.system("echo " + sys.stdin.readline())


def steps():
    data = request.form
    user, other = data["user"], "x"
    line = "finger "
    line += user
    parts = [line, "-l"]
    joined = " ".join(parts)
    # expect: tainted-shell-command
    os.system(joined[:200])


def branches(flag):
    if flag:
        target = request.args["a"]
    else:
        target = "localhost"
    # expect: tainted-shell-command
    os.system("nslookup " + target)


def loops():
    for item in request.args.getlist("f"):
        # expect: tainted-shell-command
        os.system("rm " + item)
    names = [n.strip() for n in request.args["names"].split(",")]
    chosen = names[0] if names else "none"
    # expect: tainted-shell-command
    subprocess.Popen("touch " + chosen, shell=True)


def build(arg):
    return "tar czf out.tgz " + arg


def run(command):
    # expect: tainted-shell-command
    os.system(command)


def interprocedural():
    run(build(request.args["dir"]))


class Jobs:
    def start(self):
        with open(request.args["spec"]) as spec:
            self.launch(spec.read())

    def launch(self, script):
        # expect: tainted-shell-command
        subprocess.check_output(script, shell=True)
