import os
import os as system
import stat
from os import chmod as change_mode
from pathlib import Path

SHARED_MODE = 0o777


def publish(path):
    # expect: permissive-file-permissions
    os.chmod(path, 0o777)


def share(path):
    # expect: permissive-file-permissions
    change_mode(path, stat.S_IRWXU | stat.S_IRWXG | stat.S_IRWXO)


def team_file(path):
    # expect: permissive-file-permissions (group-writable: severity medium)
    os.chmod(path, 0o664)


def unlock(path):
    # expect: permissive-file-permissions
    Path(path).chmod(SHARED_MODE)


def spool():
    # expect: permissive-file-permissions
    system.makedirs("/srv/spool", mode=0o777, exist_ok=True)


def cache(path):
    # expect: permissive-file-permissions
    Path(path).mkdir(0o777, True)


def daemonize():
    # expect: permissive-file-permissions
    os.umask(0)


def upload(sftp, path):
    # expect: permissive-file-permissions
    sftp.chmod(path, 0o666)


def hand_picked(path):
    from stat import S_IRUSR, S_IWOTH, S_IWUSR

    # expect: permissive-file-permissions
    os.chmod(path, S_IRUSR | S_IWUSR | S_IWOTH)
