import os
import subprocess

CLEAR = "clear"


def constant():
    # ok: shell-command-string
    os.system("uptime")


def module_constant():
    # ok: shell-command-string
    os.system(CLEAR)


def no_shell(path):
    # ok: shell-command-string
    subprocess.run(["rm", "-rf", path], check=True)


class Machine:
    def system(self, cmd):
        return cmd


def method_named_system(cmd):
    machine = Machine()
    # ok: shell-command-string
    machine.system(cmd)
