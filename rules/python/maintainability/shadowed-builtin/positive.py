import json


# expect: shadowed-builtin
def load(path, type="json"):
    # expect: shadowed-builtin
    list = []
    with open(path) as handle:
        # expect: shadowed-builtin
        for id, line in enumerate(handle):
            list.append((id, json.loads(line) if type == "json" else line))
    # Second binding of `list` in the same scope: already reported above.
    list = sorted(list)
    return list


# expect: shadowed-builtin
def format(record):
    return "%(name)s" % record


# expect: shadowed-builtin
class object:
    pass


def totals(rows):
    # expect: shadowed-builtin
    sum, count = 0, 0
    for row in rows:
        sum += row
        count += 1
    return sum / count
