from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS

FRONTENDS = ["https://app.example.com", "https://admin.example.com"]

app = Flask(__name__)
# ok: cors-allow-all
CORS(app, origins=FRONTENDS, supports_credentials=True)

api = Flask("api")
# ok: cors-allow-all
CORS(api, resources={r"/api/*": {"origins": "https://app.example.com"}})

configured = Flask("configured")
configured.config["CORS_ORIGINS"] = FRONTENDS
# ok: cors-allow-all (the default origins come from app.config["CORS_ORIGINS"])
CORS(configured)

service = FastAPI()
# ok: cors-allow-all
service.add_middleware(CORSMiddleware, allow_origins=FRONTENDS, allow_credentials=True)

# ok: cors-allow-all
CORS_ALLOW_ALL_ORIGINS = False
CORS_ALLOWED_ORIGINS = ["https://app.example.com"]
