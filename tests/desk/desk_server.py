"""Starts a real tandem-desk on loopback with a SQLite file in a temp dir, and
speaks HTTP to it with the standard library only."""

import copy
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from server_process import ServerProcess  # noqa: E402 (after the path)

DESK_BIN = os.environ.get("TANDEM_DESK_BIN", "build/release/bin/tandem-desk")
DATA_DIR = os.environ.get(
    "TANDEM_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "data"))
BUNDLES_DIR = os.path.join(DATA_DIR, "bundles")
AGENT_TOKEN = "agent-secret-0123456789"
SITE = "https://shop.example.com"


def example_bundle(bundle_id=None):
    with open(os.path.join(BUNDLES_DIR, "example.json"), encoding="utf-8") as f:
        bundle = json.load(f)
    if bundle_id:
        bundle["id"] = bundle_id
    return copy.deepcopy(bundle)


class Desk(ServerProcess):
    """One tandem-desk process; restartable on the same database."""

    name = "tandem-desk"
    db_file = "desk.db"

    def command(self):
        args = [DESK_BIN, "--db", self.db_path, "--port", "0",
                "--agent-token", AGENT_TOKEN, "--allow-origin", SITE, *self.extra_args]
        if "--rate-limit" not in self.extra_args:
            args += ["--rate-limit", "0"]
        return args

    def handoff(self, bundle, headers=None):
        return self.request("POST", "/v1/handoffs", bundle, headers)

    def agent(self, method, path, body=None, headers=None):
        headers = {"Authorization": "Bearer " + AGENT_TOKEN, **(headers or {})}
        if method == "POST" and body is None:
            body = {}
        return self.request(method, path, body, headers)

    def customer(self, method, path, token, body=None, headers=None, timeout=30):
        headers = {"Authorization": "Bearer " + token, **(headers or {})}
        return self.request(method, path, body, headers, timeout)


class DeskTestCase(unittest.TestCase):
    """One desk for the whole test class, stopped after it."""

    @classmethod
    def setUpClass(cls):
        cls.desk = Desk().start()

    @classmethod
    def tearDownClass(cls):
        cls.desk.close()
