"""Module docstring."""


# ok: missing-docstring
class Inventory:
    """Items in stock."""

    # ok: missing-docstring
    def add(self, item):
        """Adds an item."""
        self.items.append(item)

    # ok: missing-docstring (short private helper)
    def _reset(self):
        self.items = []

    # ok: missing-docstring (dunder)
    def __len__(self):
        return len(self.items)


# ok: missing-docstring (private class)
class _Cache:
    pass
