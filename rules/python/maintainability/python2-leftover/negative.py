# ok: python2-leftover (the standard library's mock)
from unittest import mock
# ok: python2-leftover
from unittest.mock import patch
# ok: python2-leftover (a project module whose name starts with "six")
from . import six_utils
# ok: python2-leftover (other packages, not six or mock)
import sixpack
import mockito


def quote_all(urls):
    return [str(u) for u in urls], six_utils, sixpack, mockito


def test_quote_all():
    with patch("urllib.parse.quote", mock.Mock()):
        quote_all(["a"])
