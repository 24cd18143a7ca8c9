import logging
import os as operating_system
from shutil import rmtree as remove_tree


def cleanup(path):
    try:
        operating_system.remove(path)
    # expect: try-except-pass
    except:
        pass


def drop_cache(path):
    try:
        remove_tree(path)
    # expect: try-except-pass
    except Exception:  # best effort
        pass


def sync_all(clients):
    for client in clients:
        try:
            client.sync()
        # expect: try-except-pass
        except BaseException as e:
            continue


def close(handle):
    try:
        handle.close()
    # expect: try-except-pass
    except (Exception, ValueError):
        ...


def verify(token, checker):
    try:
        checker.verify(token)
    except ValueError:
        logging.warning("bad token")
    # expect: try-except-pass
    except Exception:
        pass
    return True
