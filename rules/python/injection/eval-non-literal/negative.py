import ast

DEFAULTS = "{'retries': 3}"


def constant():
    # ok: eval-non-literal
    return eval("1 + 2")


def module_constant():
    # ok: eval-non-literal
    return eval(DEFAULTS)


def literal_eval(text):
    # ok: eval-non-literal
    return ast.literal_eval(text)


class Sandbox:
    def eval(self, text):
        return text


def method_named_eval(text):
    # ok: eval-non-literal
    return Sandbox().eval(text)


def eval(text):  # a local function that shadows the builtin
    return text


def shadowed(text):
    # ok: eval-non-literal
    return eval(text)
