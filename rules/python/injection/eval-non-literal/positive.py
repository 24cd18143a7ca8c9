import builtins


def calculate(expression):
    # expect: eval-non-literal
    return eval(expression)


def configure(settings_text):
    namespace = {}
    # expect: eval-non-literal
    exec(settings_text, namespace)
    return namespace


def lookup(field, record):
    # expect: eval-non-literal
    return builtins.eval("record." + field)
