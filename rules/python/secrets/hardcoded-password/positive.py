import psycopg2

# expect: hardcoded-password
DB_PASSWORD = "s3cr3t-Passw0rd"


class Settings:
    def __init__(self):
        # expect: hardcoded-password
        self.smtp_pass = "hunter2!"


def connect(host):
    # expect: hardcoded-password
    return psycopg2.connect(host=host, user="app", password="Winter2024!")


# expect: hardcoded-password
def login(user, pwd="admin123"):
    # expect: hardcoded-password
    if pwd == "letmein":
        return True
    return False


CONFIG = {
    # expect: hardcoded-password
    "password": "pa55word1",
}
