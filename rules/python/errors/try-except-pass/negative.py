import logging
import os as operating_system
from shutil import rmtree as remove_tree

LOG = logging.getLogger(__name__)


def cleanup(path):
    try:
        operating_system.remove(path)
    # ok: try-except-pass (a specific exception)
    except FileNotFoundError:
        pass


def drop_cache(path):
    try:
        remove_tree(path)
    # ok: try-except-pass (the error is logged)
    except Exception:
        LOG.exception("could not remove %s", path)


def sync_all(clients):
    for client in clients:
        try:
            client.sync()
        # ok: try-except-pass (the handler does more than continue)
        except Exception:
            client.failed = True
            continue


def parse(text):
    class Exception(ValueError):
        """A local exception type that shadows the builtin name."""

    try:
        return int(text)
    # ok: try-except-pass (a local class that shadows the builtin name)
    except Exception:
        pass
