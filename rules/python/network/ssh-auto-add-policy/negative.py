import paramiko
from paramiko import RejectPolicy


def connect(host, user, key_filename):
    c = paramiko.SSHClient()
    c.load_system_host_keys()
    # ok: ssh-auto-add-policy
    c.set_missing_host_key_policy(paramiko.RejectPolicy())
    c.connect(host, username=user, key_filename=key_filename)
    return c


def explicit_reject(c):
    # ok: ssh-auto-add-policy
    c.set_missing_host_key_policy(RejectPolicy)


class AskOperator(paramiko.MissingHostKeyPolicy):
    def missing_host_key(self, client, hostname, key):
        raise paramiko.SSHException("unknown host key for " + hostname)


def custom(c):
    # ok: ssh-auto-add-policy (a policy that refuses unknown keys)
    c.set_missing_host_key_policy(AskOperator())
