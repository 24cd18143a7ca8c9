import os
import os as system
import stat
from os import chmod as change_mode
from pathlib import Path

PRIVATE_MODE = 0o600


def private_key(path):
    # ok: permissive-file-permissions
    os.chmod(path, PRIVATE_MODE)


def owner_only(path):
    # ok: permissive-file-permissions
    change_mode(path, stat.S_IRUSR | stat.S_IWUSR)


def program(path):
    # ok: permissive-file-permissions (group and others may read and run, not write)
    Path(path).chmod(0o755)


def masked(path):
    # ok: permissive-file-permissions (0o777 & ~0o022 is 0o755)
    os.chmod(path, 0o777 & ~0o022)


def private_dir(path):
    # ok: permissive-file-permissions
    Path(path).mkdir(mode=0o700, parents=True)


def default_dir(path):
    # ok: permissive-file-permissions (the default mode, filtered by the umask)
    system.makedirs(path, exist_ok=True)


def daemonize():
    # ok: permissive-file-permissions
    os.umask(0o077)


def configured(path, mode):
    # ok: permissive-file-permissions (the mode is not known)
    os.chmod(path, mode)


def remote(client, path):
    # ok: permissive-file-permissions (no mode that can be folded)
    client.chmod(path)
