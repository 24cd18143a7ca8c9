def read_config(path, parse):
    # ok: file-handle-leak
    with open(path) as fh:
        return parse(fh.read())


def read_finally(path):
    # ok: file-handle-leak (closed in finally)
    fh = open(path)
    try:
        return fh.read()
    finally:
        fh.close()


def opener(path):
    # ok: file-handle-leak (the caller owns it)
    fh = open(path)
    return fh


class Case:
    def setUp(self, path):
        # ok: file-handle-leak (registered for cleanup)
        fh = open(path)
        self.addCleanup(fh.close)
