# ok: wildcard-import (explicit names)
from os.path import exists, expanduser, join
# ok: wildcard-import (the module is imported and qualified)
import logging

__all__ = ["config_path"]


def config_path(name):
    log = logging.getLogger(__name__)
    log.debug("config %s", name)
    return join(expanduser("~"), name) if exists(name) else name
