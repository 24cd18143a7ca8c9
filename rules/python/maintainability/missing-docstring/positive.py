"""Module docstring."""


# expect: missing-docstring
class Inventory:
    # expect: missing-docstring
    def add(self, item):
        self.items.append(item)

    # expect: missing-docstring
    def _rebuild_index(self):
        self.index = {}
        for item in self.items:
            key = item.name
            if key not in self.index:
                self.index[key] = []
            self.index[key].append(item)
            self.count = len(self.index)
        self.sorted = sorted(self.index)
        self.ready = True
        return self.index


# expect: missing-docstring
def total(items):
    return sum(i.qty for i in items)
