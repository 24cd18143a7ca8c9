# expect: wildcard-import
from os.path import *
import logging
# expect: wildcard-import
from .defaults import *


def config_path(name):
    return join(expanduser("~"), name) if exists(name) else DEFAULT_NAME


log = logging.getLogger(__name__)
