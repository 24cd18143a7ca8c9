from flask import request


def calc():
    expr = request.args["expr"]
    # expect: tainted-code-eval
    return eval(expr)


def compute(request):
    formula = request.POST.get("formula", "0")
    # expect: tainted-code-eval
    return eval("(" + formula + ") * 2")


def console():
    # expect: tainted-code-eval
    eval(input(">>> "))
