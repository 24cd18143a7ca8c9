import functools
import subprocess

from invoke import Context
from ops.shell import run as run_cmd

UPTIME = "uptime"


def constant():
    # ok: shell-true-other-call
    run_cmd("ls -l /srv", shell=True)


def module_constant():
    # ok: shell-true-other-call
    run_cmd(UPTIME, shell=True)


def shell_off(target):
    # ok: shell-true-other-call
    run_cmd("tar czf " + target, shell=False)


def shell_path(target):
    ctx = Context()
    # ok: shell-true-other-call (a shell path, not the flag)
    ctx.run("ls " + target, shell="/bin/bash")


def covered_elsewhere(target):
    # ok: shell-true-other-call (subprocess-shell-true reports this)
    subprocess.run("ls " + target, shell=True)


def constant_program(target):
    # ok: shell-true-other-call (later list items are not parsed by the shell)
    run_cmd(["ls -l", target], shell=True)


def partial_application():
    # ok: shell-true-other-call (the first argument is the function, not a command)
    return functools.partial(subprocess.check_call, shell=True)
