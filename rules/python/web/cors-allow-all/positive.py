from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS, cross_origin
import flask_cors as fc

app = Flask(__name__)
# expect: cors-allow-all
CORS(app)

admin = Flask("admin")
# expect: cors-allow-all
fc.CORS(admin, origins="*", supports_credentials=True)

api = Flask("api")
# expect: cors-allow-all
CORS(api, resources={r"/api/*": {"origins": "*"}})


@app.route("/public")
# expect: cors-allow-all
@cross_origin(origins=["*"])
def public():
    return "ok"


service = FastAPI()
service.add_middleware(
    CORSMiddleware,
    # expect: cors-allow-all
    allow_origins=["*"],
    allow_credentials=True,
)

# django-cors-headers
# expect: cors-allow-all
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = True
