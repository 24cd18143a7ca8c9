import shlex

import paramiko

UPTIME = "uptime"


def constant(host):
    client = paramiko.SSHClient()
    client.connect(host)
    # ok: paramiko-exec-command
    client.exec_command("uptime")


def module_constant(host):
    client = paramiko.SSHClient()
    # ok: paramiko-exec-command
    client.exec_command(UPTIME)


def quoted(host, path):
    client = paramiko.SSHClient()
    # ok: paramiko-exec-command
    client.exec_command("ls -l -- " + shlex.quote(path))


def quoted_fstring(host, path):
    client = paramiko.SSHClient()
    # ok: paramiko-exec-command
    client.exec_command(f"cat -- {shlex.quote(path)}")


def interactive(host):
    client = paramiko.SSHClient()
    # ok: paramiko-exec-command (no command argument)
    client.invoke_shell()
