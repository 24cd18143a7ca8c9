import tempfile


def scratch_file():
    # ok: insecure-temp-file
    with tempfile.NamedTemporaryFile("w", delete=False, suffix=".txt") as fh:
        fh.write("data")
        return fh.name


def scratch_dir():
    # ok: insecure-temp-file
    return tempfile.mkdtemp()


def low_level():
    # ok: insecure-temp-file
    fd, path = tempfile.mkstemp()
    return fd, path
