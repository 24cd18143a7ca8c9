# expect: function-too-complex
def classify(request):
    if not request:
        return None
    kind = request.kind
    result = None
    if kind == "a" and request.ok:
        result = "alpha"
    elif kind == "b":
        result = "beta"
    elif kind == "c" or kind == "d":
        result = "gamma"
    elif kind == "e":
        result = "epsilon"
    elif kind == "f":
        result = "phi"
    else:
        result = "other"
    for item in request.items:
        while item.pending:
            if item.retry():
                break
    return result if result else None


class Loader:
    # expect: function-too-complex
    def load(self, path):
        try:
            data = self.read(path)
        except OSError:
            return None
        except ValueError:
            data = {}
        names = [n for n in data if n]
        flags = {k: v for k, v in data.items() if v and k}
        match data.get("version"):
            case 1:
                self.upgrade(data)
            case 2:
                pass
            case _:
                raise ValueError(path)
        mode = "fast" if self.fast else "slow"
        limit = self.limit or 10
        level = 2 if self.debug else (1 if self.verbose else 0)
        return names, flags, mode, limit, level


def make_filter(rules):
    # expect: function-too-complex
    def accept(event):
        if event.kind == "login" and event.failed:
            return False
        if event.kind == "logout" or event.forced:
            return True
        for rule in rules:
            if rule.matches(event) and not rule.disabled:
                return rule.allow
            if rule.strict or rule.audit:
                event.mark(rule)
        while event.retries and event.pending:
            event.retry()
        return bool(event.level if event.level else None)

    return accept
