# ok: import-style-inconsistent (every import of the package uses the same style)
from glance.api import common
from glance.common import exception
from glance.db import api as db_api
import os
import os.path
import json


def build():
    return common, exception, db_api, os.path, json
