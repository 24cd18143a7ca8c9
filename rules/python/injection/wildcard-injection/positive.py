import os
import os as o
import subprocess as sp
from subprocess import getoutput


def backup(directory):
    # expect: wildcard-injection
    os.system(f"cd {directory} && tar czf /var/backups/site.tgz *")


def take_ownership():
    # expect: wildcard-injection
    o.system("/bin/chown www-data:www-data *")


def open_logs(user):
    # expect: wildcard-injection
    sp.call("sudo -u %s chmod 600 *.log" % user, shell=True)


def mirror(dest):
    # expect: wildcard-injection
    return getoutput("rsync -a * " + dest)


def archive_list():
    cmd = "tar cf /tmp/all.tar *"
    # expect: wildcard-injection
    sp.run([cmd], shell=True)


def concatenated(directory):
    # expect: wildcard-injection
    os.system("cd " + directory + " && tar czf /tmp/site.tgz *")
