from glance.api import common
from glance.common import exception
from glance.db import api as db_api
# expect: import-style-inconsistent
import glance.tests.utils
from glance.tests import fakes


def build():
    return common, exception, db_api, glance.tests.utils, fakes
