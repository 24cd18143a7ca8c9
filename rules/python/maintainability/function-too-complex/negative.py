# ok: function-too-complex (complexity 12, the limit; the nested function is measured apart)
def classify(request):
    if not request:
        return None
    kind = request.kind

    def score(item):
        if item.a:
            return 1
        if item.b:
            return 2
        if item.c or item.d:
            return 3
        return 0

    if kind == "a" and request.ok:
        result = "alpha"
    elif kind == "b":
        result = "beta"
    elif kind == "c" or kind == "d":
        result = "gamma"
    elif kind == "e":
        result = "epsilon"
    else:
        result = "other"
    for item in request.items:
        while item.pending:
            if score(item):
                break
    return result if result else None


# ok: function-too-complex (with, else, finally, assert and comprehension `for` clauses are no decisions)
def collect(paths, opener):
    rows = [line for path in paths for line in opener(path)]
    pairs = {a: b for a in rows for b in rows}
    with opener(paths[0]) as first, opener(paths[1]) as second:
        assert first and second
        try:
            rows.append(first.read())
        finally:
            second.close()
    return rows, pairs
