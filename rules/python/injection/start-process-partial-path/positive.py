import os
import subprocess
import subprocess as sp
from os import system
from subprocess import Popen as P


def disk_usage(path):
    # expect: start-process-partial-path
    return subprocess.check_output(["du", "-sh", path])


def version():
    # expect: start-process-partial-path
    return sp.run("gcc --version", capture_output=True)


def build(target):
    # expect: start-process-partial-path
    system("cd /srv/app && make " + target)


def archive(name):
    # expect: start-process-partial-path
    P("LC_ALL=C tar czf %s /srv/data" % name, shell=True)


def replace_with_python(args):
    # expect: start-process-partial-path
    os.execvp("python3", ["python3"] + args)


def relative_tool():
    # expect: start-process-partial-path
    subprocess.run(["bin/migrate", "--all"])


def architecture():
    # expect: start-process-partial-path
    return subprocess.check_output("dpkg --print-architecture".split())
