import json


# ok: single-letter-name (short function)
def fetch(session, url):
    r = session.get(url)
    r.raise_for_status()
    return r.json()


def summarize(rows, out):
    totals = {}
    # ok: single-letter-name (loop targets, comprehension and lambda variables)
    for i, row in enumerate(rows):
        totals[i] = row
    values = [v for v in totals.values() if v]
    ordered = sorted(values, key=lambda x: x["rank"])
    try:
        text = json.dumps(ordered)
    # ok: single-letter-name (`except ... as e`)
    except ValueError as e:
        text = str(e)
    # ok: single-letter-name (`with ... as f`)
    with open(out, "w") as f:
        f.write(text)
    count = len(ordered)
    first = ordered[0] if ordered else None
    last = ordered[-1] if ordered else None
    _ = out
    return count, first, last


def scale(points, factor):
    scaled = []
    for point in points:
        # ok: single-letter-name (temporaries of a short loop, conventional math names)
        x = point[0] * factor
        y = point[1] * factor
        scaled.append((x, y))
    # ok: single-letter-name (used right away, never again)
    c = len(scaled)
    count = c
    width = max(p[0] for p in scaled)
    height = max(p[1] for p in scaled)
    area = width * height
    density = count / area if area else 0
    report = {"count": count, "area": area}
    report["density"] = density
    report["factor"] = factor
    report["points"] = scaled
    return report


def tokenize(text, Token):
    tokens = []
    # ok: single-letter-name (a counter stepped with `+=`, a conventional index name)
    i = 0
    while i < len(text):
        start = i
        while i < len(text) and not text[i].isspace():
            i += 1
        if i > start:
            tokens.append(text[start:i])
        i += 1
    # ok: single-letter-name (capitals name types and type variables by convention)
    T = Token
    # ok: single-letter-name (an instance named after its one-letter class)
    t = T()
    t.parts = tokens
    t.count = len(tokens)
    t.source = text
    t.kind = "tokens"
    t.valid = bool(tokens)
    result = [t]
    result.append(T)
    return result
