import os
import subprocess
from os import system as run
from os import popen


def remove(path):
    # expect: shell-command-string
    os.system("rm -rf " + path)


def count_lines(name):
    # expect: shell-command-string
    return popen(f"wc -l {name}").read()


def backup(target):
    command = "tar czf %s /srv" % target
    # expect: shell-command-string
    run(command)


def version(tool):
    # expect: shell-command-string
    return subprocess.getoutput(tool + " --version")
