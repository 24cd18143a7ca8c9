# expect: python2-leftover
import six
# expect: python2-leftover
from six.moves import urllib, range
# expect: python2-leftover
import mock
# expect: python2-leftover
from mock import patch, MagicMock as Magic

try:
    from unittest import mock as umock
except ImportError:
    # expect: python2-leftover
    import mock as umock


def quote_all(urls):
    out = []
    for i in range(len(urls)):
        if isinstance(urls[i], six.string_types):
            out.append(urllib.parse.quote(urls[i]))
        else:
            out.append(six.text_type(urls[i]))
    return out


def test_quote_all():
    with patch("urllib.parse.quote", Magic()) as fake:
        quote_all(["a"])
    assert fake.called
    assert mock.sentinel and umock.ANY
