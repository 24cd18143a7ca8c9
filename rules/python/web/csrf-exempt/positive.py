from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators import csrf
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.csrf import csrf_exempt as no_csrf
from flask import Flask
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
csrf_protect = CSRFProtect(app)
# expect: csrf-exempt
app.config["WTF_CSRF_ENABLED"] = False


# expect: csrf-exempt
@csrf_exempt
def transfer(request):
    return None


# expect: csrf-exempt
@no_csrf
def change_email(request):
    return None


# expect: csrf-exempt
@method_decorator(csrf_exempt, name="dispatch")
class PaymentView(View):
    pass


# expect: csrf-exempt
@csrf.csrf_exempt
def delete_account(request):
    return None


@app.route("/api/profile", methods=["POST"])
# expect: csrf-exempt
@csrf_protect.exempt
def update_profile():
    return "ok"


urlpatterns = [
    # expect: csrf-exempt
    ("settings/", csrf_exempt(change_email)),
]
