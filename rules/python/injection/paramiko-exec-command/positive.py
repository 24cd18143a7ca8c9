import paramiko
from paramiko import SSHClient
from paramiko.client import SSHClient as Client


def list_dir(host, path):
    client = paramiko.SSHClient()
    client.connect(host)
    # expect: paramiko-exec-command
    client.exec_command("ls -l " + path)


def restart(host, service):
    ssh = SSHClient()
    ssh.connect(host)
    # expect: paramiko-exec-command
    stdin, stdout, stderr = ssh.exec_command(f"systemctl restart {service}")


def run_remote(host, command):
    with Client() as c:
        c.connect(host)
        # expect: paramiko-exec-command
        c.exec_command(command=command, timeout=30)


def over_channel(host, cmd):
    transport = paramiko.Transport((host, 22))
    channel = transport.open_session()
    # expect: paramiko-exec-command
    channel.exec_command(cmd)


class Remote:
    def tail(self, name):
        # expect: paramiko-exec-command
        return self.client.exec_command("tail -n 100 /var/log/%s" % name)
