import ast
import unittest
from http.server import BaseHTTPRequestHandler


# ok: naming-convention-mixed (unittest names: setUp, test*, assert* helpers)
class ReportTest(unittest.TestCase):
    def setUp(self):
        self.rows = []

    def tearDown(self):
        self.rows = None

    def testEmpty(self):
        self.assertRowsEqual(self.rows, [])

    def assertRowsEqual(self, a, b):
        self.assertEqual(a, b)

    def make_rows(self):
        return [["a"]]

    def check_rows(self, rows):
        return bool(rows)


# ok: naming-convention-mixed (visitor and handler names are set by ast and http.server)
class Collector(ast.NodeVisitor):
    def visit_Call(self, node):
        self.generic_visit(node)

    def visit_Name(self, node):
        self.names.append(node.id)

    def collect_names(self, tree):
        self.visit(tree)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_reply(200)

    def do_POST(self):
        self.send_reply(405)

    def send_reply(self, code):
        self.send_response(code)

    def log_request_line(self):
        pass


# ok: naming-convention-mixed (one-word names fit both conventions; only one camelCase name)
def load(path):
    return open(path).read()


def parse(text):
    return text.split()


def readFile(path):
    return load(path)


class Base:
    def getData(self):
        return []

    def setData(self, rows):
        self.rows = rows

    def refresh(self):
        pass


# ok: naming-convention-mixed (getData and setData override Base)
class Child(Base):
    def getData(self):
        return [1]

    def setData(self, rows):
        self.rows = list(rows)

    def load_rows(self):
        return []

    def save_rows(self):
        pass
