import unittest


class ReportBuilder:
    def __init__(self, rows):
        self.rows = rows

    def load_rows(self, path):
        return open(path).read().splitlines()

    # expect: naming-convention-mixed
    def getData(self):
        return self.rows

    def format_row(self, row):
        return ",".join(row)

    # expect: naming-convention-mixed
    def _writeHeader(self, out):
        out.write("header\n")

    def write_rows(self, out):
        for row in self.rows:
            out.write(self.format_row(row))


def parseConfig(text):
    return dict(line.split("=", 1) for line in text.splitlines())


def readFile(path):
    return open(path).read()


# expect: naming-convention-mixed
def load_settings(path):
    return parseConfig(readFile(path))


class ReportBuilderTest(unittest.TestCase):
    def setUp(self):
        self.builder = ReportBuilder([])

    def testGetData(self):
        self.assertEqual(self.builder.getData(), [])

    def make_rows(self):
        return [["a"]]

    def check_rows(self, rows):
        self.assertTrue(rows)

    # expect: naming-convention-mixed
    def buildOutput(self):
        return []
