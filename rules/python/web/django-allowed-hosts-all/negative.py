# A Django settings module (it defines INSTALLED_APPS).
import os

INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "shop"]

# ok: django-allowed-hosts-all
ALLOWED_HOSTS = ["shop.example.com", ".shop.example.com"]

# ok: django-allowed-hosts-all (no wildcard default)
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")

# ok: django-allowed-hosts-all (the wildcard is filtered out)
ALLOWED_HOSTS = [h for h in os.environ.get("HOSTS", "").split(",") if h != "*"]

# ok: django-allowed-hosts-all (not ALLOWED_HOSTS)
CORS_URLS_REGEX = "*"
