# ok: missing-type-hints
def parse(text: str) -> list:
    """Parses text."""
    return text.split()


class Store:
    """A store."""

    # ok: missing-type-hints (partly annotated)
    def find(self, name) -> list:
        """Finds items."""
        return [name]

    # ok: missing-type-hints (private)
    def _index(self, name):
        return name

    # ok: missing-type-hints (nothing to annotate but the return)
    def size(self):
        """Number of items."""
        return 0
