import os

# ok: hardcoded-secret (read at run time)
GITHUB_TOKEN = os.environ["GITHUB_TOKEN"]
# ok: hardcoded-secret (no literal fallback)
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ok: hardcoded-secret (AWS documentation's example key id)
AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
# ok: hardcoded-secret (AWS documentation's example secret)
AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
# ok: hardcoded-secret (a placeholder)
SLACK_TOKEN = "xoxb-your-token-here"
# ok: hardcoded-secret (a URL)
TOKEN_URL = "https://oauth2.example.com/token"
# ok: hardcoded-secret (a header name)
API_KEY_HEADER = "X-Api-Key"
# ok: hardcoded-secret (a dotted Python path)
TOKEN_SERIALIZER = "accounts.serializers.TokenSerializer2"
# ok: hardcoded-secret (the name of an environment variable)
AUTH_TOKEN_SOURCE = "MYAPP_AUTH_TOKEN_V2"
# ok: hardcoded-secret (a digest of the key, not the key)
API_KEY_HASH = "43a8f506b40928b5b7a767c76fb008f8"
# ok: hardcoded-secret (low entropy: a readable constant)
SESSION_TOKEN_KIND = "refresh"
# ok: hardcoded-secret (a password: hardcoded-password reports it)
SMTP_PASSWORD = "4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2"
# ok: hardcoded-secret (empty)
SIGNING_KEY = ""


def load_token(vault):
    # ok: hardcoded-secret
    return vault.read("secret/data/api")["token"]


# ok: hardcoded-secret (not a secret name)
BUILD_ID = "43a8f506b40928b5b7a767c76fb008f8"


class EnvProvider:
    # ok: hardcoded-secret (the name of the variable that holds the key)
    SECRET_KEY = "AWS_SECRET_ACCESS_KEY"
    # ok: hardcoded-secret (a config key name)
    SECRET_KEY_NAME_IN_FILE = "aws_secret_access_key"


# ok: hardcoded-secret (readable words, not random)
SESSION_AUTH_PARAMETER = "AWS::S3::DisableS3ExpressSessionAuth"


def cache(store, user_id):
    # ok: hardcoded-secret (a cache key indexes data)
    cache_key = "user:profile:v2:7f3a9c1e5b2d4f6a8c0e"
    return store.get(cache_key)
