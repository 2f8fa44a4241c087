"""Starts a real tandem-desk on loopback, and speaks HTTP to it with the
standard library only. The database is a SQLite file in a temp dir, or with
TANDEM_DESK_DB=postgres a fresh database on a throwaway PostgreSQL cluster
(postgres_cluster.py): the same contract suite runs on both backends."""

import copy
import json
import os
import re
import sqlite3
import subprocess
import sys
import unittest

from postgres_cluster import shared_cluster

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "support"))
from server_process import ServerProcess  # noqa: E402 (after the path)

DESK_BIN = os.environ.get("TANDEM_DESK_BIN", "build/release/bin/tandem-desk")
DATA_DIR = os.environ.get(
    "TANDEM_DATA_DIR", os.path.join(os.path.dirname(__file__), "..", "data"))
BUNDLES_DIR = os.path.join(DATA_DIR, "bundles")
AGENT_TOKEN = "agent-secret-0123456789"
SITE = "https://shop.example.com"
BACKEND = os.environ.get("TANDEM_DESK_DB", "sqlite")
if BACKEND not in ("sqlite", "postgres"):
    raise RuntimeError(f"TANDEM_DESK_DB must be sqlite or postgres, not {BACKEND!r}")
POSTGRES = BACKEND == "postgres"


def example_bundle(bundle_id=None):
    with open(os.path.join(BUNDLES_DIR, "example.json"), encoding="utf-8") as f:
        bundle = json.load(f)
    if bundle_id:
        bundle["id"] = bundle_id
    return copy.deepcopy(bundle)


class Desk(ServerProcess):
    """One tandem-desk process; restartable on the same database. share_with:
    another Desk whose database this one uses too (several instances)."""

    name = "tandem-desk"
    db_file = "desk.db"

    def __init__(self, *extra_args, db_dir=None, share_with=None):
        super().__init__(*extra_args, db_dir=db_dir)
        self._database = None
        if share_with:
            self.db = share_with.db
            self._database = share_with._database
        elif POSTGRES:
            self._database = shared_cluster().new_database()
            self.db = shared_cluster().uri(self._database)
        else:
            self.db = self.db_path

    def query(self, sql, params=()):
        """Rows of one SQL statement run straight on the database, as a fresh
        process would find it. params fill ? placeholders."""
        if not POSTGRES:
            with sqlite3.connect(self.db) as db:
                return db.execute(sql, params).fetchall()
        pieces = sql.split("?")
        if len(pieces) != len(params) + 1:
            raise ValueError("one parameter per ?")
        literals = ["'" + str(p).replace("'", "''") + "'" for p in params]
        text = pieces[0] + "".join(lit + rest for lit, rest in zip(literals, pieces[1:]))
        return shared_cluster().query(self._database, text)

    def command(self):
        args = [DESK_BIN, "--db", self.db, "--port", "0",
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

    def agents_command(self, *args):
        """`tandem-desk agents ARGS --db` on this desk's database."""
        return subprocess.run([DESK_BIN, "agents", *args, "--db", self.db],
                              capture_output=True, text=True, timeout=60)

    def add_agent(self, name, display_name=None):
        """A named agent made with `tandem-desk agents add`; returns the secret
        it printed once."""
        extra = ["--display-name", display_name] if display_name else []
        done = self.agents_command("add", name, *extra)
        if done.returncode != 0:
            raise RuntimeError(done.stderr)
        return re.search(r"^secret \(shown once[^:]*\): (\S+)$", done.stdout, re.M).group(1)

    def sign_in(self, name, secret):
        """The session cookie ("tandem_agent=...") of a named agent's sign-in."""
        response = self.request("POST", "/signin", {"name": name, "secret": secret})
        if response.status != 200:
            raise AssertionError(f"sign-in of {name}: {response.status} {response.body}")
        return response.headers["Set-Cookie"].split(";")[0]

    def as_agent(self, cookie, method, path, body=None):
        """An agent request with a session cookie instead of the shared token."""
        if method == "POST" and body is None:
            body = {}
        return self.request(method, path, body, {"Cookie": cookie})

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
