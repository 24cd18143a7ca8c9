import tempfile
from tempfile import mktemp


def scratch_file():
    # expect: insecure-temp-file
    path = tempfile.mktemp(suffix=".txt")
    with open(path, "w") as fh:
        fh.write("data")
    return path


def imported_directly():
    # expect: insecure-temp-file
    return mktemp()
