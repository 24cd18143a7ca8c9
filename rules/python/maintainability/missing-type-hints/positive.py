# expect: missing-type-hints
def parse(text):
    """Parses text."""
    return text.split()


class Store:
    """A store."""

    # expect: missing-type-hints
    def find(self, name):
        """Finds items."""
        return [name]
