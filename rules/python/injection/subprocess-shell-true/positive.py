import subprocess
import subprocess as sp
from subprocess import Popen as P


def list_dir(path):
    # expect: subprocess-shell-true
    subprocess.call("ls " + path, shell=True)


def archive(name):
    cmd = f"tar czf /tmp/{name}.tgz /srv/data"
    # expect: subprocess-shell-true
    sp.run(cmd, shell=True, check=True)


def ping(host):
    # expect: subprocess-shell-true
    P(["ping -c 1 " + host], shell=True)


def grep(pattern, use_shell):
    # expect: subprocess-shell-true
    return subprocess.check_output(
        "grep %s /var/log/syslog" % pattern, shell=use_shell)
