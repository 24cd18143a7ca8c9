import os
from os import getenv as env

import boto3

# Token-shaped values below are split into implicit concatenations ("ab" "cd") so that secret
# scanners do not flag this fixture; the rule joins the parts as Python does. They are random.

# expect: hardcoded-secret
GITHUB_TOKEN = "ghp_" "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d"

# expect: hardcoded-secret
SECRET_KEY = "django-insecure-" "3x9!k@p#q$r%t^u&v*w(x)y_z+a=b"

# expect: hardcoded-secret
JWT_SECRET = os.environ.get("JWT_SECRET", "fallback-" "9f8e7d6c5b4a39281706")

# expect: hardcoded-secret
STRIPE = {"api_key": "sk_live_" "Nbe3nNyjOq9wMxEhh2FDEEtf"}

PRIVATE_KEY = (
    # expect: hardcoded-secret
    "-----BEGIN RSA " "PRIVATE KEY-----\n"
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
    "-----END RSA " "PRIVATE KEY-----\n"
)


def s3_client():
    return boto3.client(
        "s3",
        # expect: hardcoded-secret
        aws_access_key_id="AKIA" "ZDOC9IS0J8HT9LGM",
        # expect: hardcoded-secret
        aws_secret_access_key="VmihA+2O76UMFxFkM+R5" "Kjp1vRt/1fjORS+6ilI8",
    )


def notify(session, url):
    # expect: hardcoded-secret
    return session.post(url, headers={"X-Slack": "xoxb-" "104974650752-9170342366712-CzJr4i0B3JrTAwR4y9ojfljo"})


class Settings:
    # expect: hardcoded-secret
    api_token = "43a8f506b40928b5b7a767c76fb008f8"


# expect: hardcoded-secret
def connect(client_secret="4xatws8phP9nhFyJfm5di4PzJ59FHz5r1pY4OjE2"):
    return client_secret


def check(api_key):
    # expect: hardcoded-secret
    return api_key == "yS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7"


# expect: hardcoded-secret
MAPS_KEY = env("MAPS_KEY", "AIza" "Db_xHKas1VOqg6YYZYn9ZhyiA4uoRgnatmU")


def canvas(course_id, Canvas):
    # expect: hardcoded-secret
    key = "vQF6J15Kuh3Y6ut1Vh247dlVEIpTEbMnWq7lRKjDBaWuWll3VHtEHosToRrelBpMBf5DiD"
    return Canvas("https://canvas.example.com/", key).get_course(course_id)
