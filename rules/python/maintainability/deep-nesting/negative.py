import json


# ok: deep-nesting (four levels; elif, else, except and finally do not add a level)
def import_users(paths, db):
    for path in paths:
        if path.endswith(".json"):
            with open(path) as fh:
                try:
                    db.add(json.load(fh))
                except ValueError:
                    db.rollback()
                finally:
                    db.flush()
        elif path.endswith(".csv"):
            db.add_csv(path)
        else:
            db.skip(path)


# ok: deep-nesting (the nested function's blocks are counted from its own body)
def make_handler(rules):
    for rule in rules:
        if rule.active:
            with rule.lock:
                def handle(event):
                    for check in rule.checks:
                        if check(event):
                            return True
                    return False
                rule.handler = handle
    return rules


# ok: deep-nesting (a comprehension's clauses are expressions, not blocks)
def pick(items):
    if items:
        return [i for i in items if i if i.ok for j in i.parts if j if j.ok]
    return []


# ok: deep-nesting (module-level code is not inside a function)
for path in ["a.json"]:
    if path:
        with open(path) as fh:
            try:
                if fh.readable():
                    print(json.load(fh))
            except ValueError:
                pass
