import subprocess

LISTING = "ls -l /srv"


def constant_command():
    # ok: subprocess-shell-true
    subprocess.call("ls -l", shell=True)


def module_constant():
    # ok: subprocess-shell-true
    subprocess.run(LISTING, shell=True)


def no_shell(path):
    # ok: subprocess-shell-true
    subprocess.run(["ls", "-l", path])


def shell_false(path):
    # ok: subprocess-shell-true
    subprocess.run(["ls", path], shell=False)


def constant_program(path):
    # ok: subprocess-shell-true (later list items are the shell's $0, $1: not parsed as commands)
    subprocess.run(["ls -l", path], shell=True)


class Runner:
    def call(self, cmd, shell):
        return cmd


def not_subprocess(cmd):
    runner = Runner()
    # ok: subprocess-shell-true
    runner.call(cmd, shell=True)


def falsy_shell_values(cmd):
    # ok: subprocess-shell-true
    subprocess.call(cmd, shell={})
    # ok: subprocess-shell-true
    subprocess.call(cmd, shell=[])
    # ok: subprocess-shell-true
    subprocess.call(cmd, shell=0)
