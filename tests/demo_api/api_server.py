"""Starts a real lumenpay-api on a free loopback port with a SQLite file in a
temp dir, and speaks HTTP to it with the standard library only."""

import base64
import hashlib
import hmac
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from server_process import ServerProcess  # noqa: E402 (after the path)

API_BIN = os.environ.get("LUMENPAY_API_BIN", "build/release/bin/lumenpay-api")
SITE = "http://127.0.0.1:8080"
SECRET = "test-secret-0123456789abcdef-0123456789"


class Api(ServerProcess):
    """One lumenpay-api process; secret=None lets it draw a random one."""

    name = "lumenpay-api"
    db_file = "shop.db"

    def __init__(self, *extra_args, secret=SECRET, db_dir=None):
        super().__init__(*extra_args, db_dir=db_dir)
        self.secret = secret

    def command(self):
        return [API_BIN, "--db", self.db_path, "--port", "0", "--allow-origin", SITE,
                *self.extra_args]

    def environment(self):
        env = dict(os.environ)
        env.pop("TANDEM_DEMO_API_SECRET", None)
        if self.secret:
            env["TANDEM_DEMO_API_SECRET"] = self.secret
        return env

    def sign_in(self, customer="ada@example.com"):
        response = self.request("POST", "/v1/demo/sign-in", {"customer": customer})
        assert response.status == 200, response.body
        return response.json()["token"]

    def get(self, path, token=None, headers=None):
        sent = dict(headers or {})
        if token is not None:
            sent["Authorization"] = "Bearer " + token
        return self.request("GET", path, headers=sent)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hs256_token(claims, secret=SECRET, header=None):
    """Signs a token the way docs/actions.md tells a company to: standard library only."""
    header = header or {"alg": "HS256", "typ": "JWT"}
    signing_input = b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())
    signature = hmac.new(secret.encode(), signing_input.encode(), hashlib.sha256).digest()
    return signing_input + "." + b64url(signature)


def ada_claims(seconds=300):
    return {"iss": "lumenpay-demo-api", "sub": "cus_ada", "exp": int(time.time()) + seconds}
