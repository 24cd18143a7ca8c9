import os
import subprocess
from os import system

DU = "/usr/bin/du"


def absolute(path):
    # ok: start-process-partial-path
    return subprocess.check_output(["/usr/bin/du", "-sh", path])


def module_constant(path):
    # ok: start-process-partial-path
    return subprocess.check_output([DU, "-sh", path])


def explicit_directory():
    # ok: start-process-partial-path
    subprocess.run(["./manage.py", "migrate"])


def builtin_only():
    # ok: start-process-partial-path (cd and echo are shell builtins)
    system("cd /tmp && echo done")


def windows_path():
    # ok: start-process-partial-path
    subprocess.run("C:\\Tools\\backup.exe --full")


def chosen_by_data(program):
    # ok: start-process-partial-path (not a constant: subprocess-untrusted-program)
    subprocess.run([program, "--help"])


def absolute_exec(args):
    # ok: start-process-partial-path
    os.execv("/usr/bin/python3", args)


def concatenated_absolute(directory):
    # ok: start-process-partial-path
    os.system("/usr/bin/du -sh " + directory + " | /usr/bin/sort -h")
