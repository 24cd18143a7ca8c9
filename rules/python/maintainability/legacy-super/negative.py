class Base:
    def setUp(self):
        self.ready = True


class ServerTest(Base):
    def setUp(self):
        # ok: legacy-super
        super().setUp()


class Skipping(ServerTest):
    def setUp(self):
        # ok: legacy-super (deliberately skips ServerTest.setUp: not the same as super())
        super(ServerTest, self).setUp()
