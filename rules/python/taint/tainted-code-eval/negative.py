import ast

from flask import request

OPERATIONS = {"double": lambda x: x * 2}


def literal():
    # ok: tainted-code-eval (literal_eval accepts literals only)
    return ast.literal_eval(request.args["value"])


def mapped():
    op = request.args["op"]
    if op in OPERATIONS:
        # ok: tainted-code-eval (an allow-listed name)
        return eval("OPERATIONS['" + op + "'](2)")


def constant():
    # ok: tainted-code-eval
    return eval("1 + 1")
