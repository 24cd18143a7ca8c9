import os
import shutil
import subprocess
import sys
from subprocess import run as sh_run

GIT = "/usr/bin/git"


def constant_program(ref):
    # ok: subprocess-untrusted-program (only the arguments vary)
    subprocess.run(["git", "log", ref], check=True)


def module_constant(ref):
    # ok: subprocess-untrusted-program
    sh_run([GIT, "show", ref])


def built_list(paths):
    cmd = ["tar", "czf", "/tmp/out.tgz"]
    # ok: subprocess-untrusted-program
    subprocess.check_call(cmd + paths)


def same_interpreter(module):
    # ok: subprocess-untrusted-program
    subprocess.run([sys.executable, "-m", module], check=True)


def looked_up(path):
    # ok: subprocess-untrusted-program
    subprocess.run([shutil.which("convert"), path], check=True)


def string_with_arguments(ref):
    # ok: subprocess-untrusted-program (the first word is the program, and it is fixed)
    subprocess.check_output("git show " + ref)


def exec_constant(args):
    # ok: subprocess-untrusted-program
    os.execv("/usr/bin/python3", args)


def spawn_constant():
    # ok: subprocess-untrusted-program
    os.spawnlp(os.P_WAIT, "ls", "ls", "-l")


def with_shell(cmd):
    # ok: subprocess-untrusted-program (shell=True is the subprocess-shell-true rule)
    subprocess.run(cmd, shell=True)


class Runner:
    def run(self, cmd):
        return cmd


def not_subprocess(cmd):
    # ok: subprocess-untrusted-program
    Runner().run(cmd)


def split_string(package):
    # ok: subprocess-untrusted-program (the first word of the split string is fixed)
    subprocess.run(f"apt-get install -y {package}".split(), check=True)


def allow_listed(name, path):
    tools = {"resize": "/usr/bin/convert", "strip": "/usr/bin/exiftool"}
    # ok: subprocess-untrusted-program
    subprocess.run([tools[name], path], check=True)
