import psutil
from ops import shell as sh
from ops.shell import run as run_cmd


def archive(target):
    # expect: shell-true-other-call
    run_cmd("tar czf " + target + " /srv/data", shell=True)


def ping(host):
    # expect: shell-true-other-call
    sh.execute(f"ping -c 1 {host}", shell=True, timeout=5)


def grep(pattern):
    # expect: shell-true-other-call
    return psutil.Popen(["grep -r %s /var/log" % pattern], shell=True)


class Deployer:
    def restart(self, service):
        # expect: shell-true-other-call
        self.runner.run(command="systemctl restart " + service, shell=True)
