import paramiko
from paramiko import AutoAddPolicy
from paramiko import client as ssh


def connect(host, user, password):
    c = paramiko.SSHClient()
    # expect: ssh-auto-add-policy
    c.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    c.connect(host, username=user, password=password)
    return c


def warn_only(host):
    c = ssh.SSHClient()
    # expect: ssh-auto-add-policy
    c.set_missing_host_key_policy(ssh.WarningPolicy())
    c.connect(host)


def class_not_instance(c):
    # expect: ssh-auto-add-policy
    c.set_missing_host_key_policy(AutoAddPolicy)


def through_a_name(c):
    policy = AutoAddPolicy()
    # expect: ssh-auto-add-policy
    c.set_missing_host_key_policy(policy)


class QuietAutoAdd(paramiko.AutoAddPolicy):
    def missing_host_key(self, client, hostname, key):
        super().missing_host_key(client, hostname, key)


def subclass(c):
    # expect: ssh-auto-add-policy
    c.set_missing_host_key_policy(QuietAutoAdd())
