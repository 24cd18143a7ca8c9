class Base:
    def setUp(self):
        self.ready = True


class ServerTest(Base):
    def setUp(self):
        # expect: legacy-super
        super(ServerTest, self).setUp()
        self.servers = []

    @classmethod
    def build(cls):
        # expect: legacy-super
        return super(ServerTest, cls).__new__(cls)
