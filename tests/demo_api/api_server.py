"""Starts a real lumenpay-api on a free loopback port with a SQLite file in a
temp dir, and speaks HTTP to it with the standard library only."""

import base64
import hashlib
import hmac
import http.client
import json
import os
import subprocess
import tempfile
import time

API_BIN = os.environ.get("LUMENPAY_API_BIN", "build/release/bin/lumenpay-api")
SITE = "http://127.0.0.1:8080"
SECRET = "test-secret-0123456789abcdef-0123456789"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)


class Api:
    """One lumenpay-api process; restartable on the same database."""

    def __init__(self, *extra_args, secret=SECRET, db_dir=None):
        self._tmp = None if db_dir else tempfile.TemporaryDirectory()
        self.db_dir = db_dir or self._tmp.name
        self.db_path = os.path.join(self.db_dir, "shop.db")
        self.extra_args = list(extra_args)
        self.secret = secret
        self.process = None
        self.port = None

    def start(self):
        env = dict(os.environ)
        env.pop("TANDEM_DEMO_API_SECRET", None)
        if self.secret:
            env["TANDEM_DEMO_API_SECRET"] = self.secret
        args = [API_BIN, "--db", self.db_path, "--port", "0", "--allow-origin", SITE,
                *self.extra_args]
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        text=True, env=env)
        line = self.process.stdout.readline()
        if "listening on" not in line:
            self.process.kill()
            raise RuntimeError("lumenpay-api did not start: " + line + self.process.stderr.read())
        self.port = int(line.rsplit(":", 1)[1])
        return self

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.process.stdout.close()
        self.process.stderr.close()

    def close(self):
        if self.process and self.process.poll() is None:
            self.stop()
        if self._tmp:
            self._tmp.cleanup()

    def request(self, method, path, body=None, headers=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            data = body if isinstance(body, (bytes, str)) or body is None else json.dumps(body)
            sent = dict(headers or {})
            if body is not None and not isinstance(body, (bytes, str)):
                sent.setdefault("Content-Type", "application/json")
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            return Response(response.status, {k.lower(): v for k, v in response.getheaders()},
                            response.read())
        finally:
            connection.close()

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
