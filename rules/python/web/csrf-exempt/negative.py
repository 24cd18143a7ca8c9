from django.views.decorators.csrf import csrf_protect, ensure_csrf_cookie
from flask import Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf = CSRFProtect(app)
# ok: csrf-exempt
app.config["WTF_CSRF_ENABLED"] = True


# ok: csrf-exempt
@csrf_protect
def transfer(request):
    return None


# ok: csrf-exempt
@ensure_csrf_cookie
def home(request):
    return None


class Rules:
    def exempt(self, item):
        return item


rules = Rules()


# ok: csrf-exempt (not Flask-WTF)
@rules.exempt
def unrelated():
    return None


def csrf_exempt(view):
    return view


# ok: csrf-exempt (a local function of the same name)
@csrf_exempt
def local_one():
    return None
