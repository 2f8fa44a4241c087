"""lumenpay-api's options, its seed, token lifetime and secrets across starts,
and the --faults orders."""

import os
import subprocess
import time
import unittest

from api_server import API_BIN, Api, ada_claims, hs256_token


def run(*args, env=None):
    return subprocess.run([API_BIN, *args], capture_output=True, text=True, timeout=30,
                          env={**os.environ, **(env or {})})


class OptionsTest(unittest.TestCase):
    def test_bad_options_exit_2_with_a_message(self):
        cases = [([], "--db PATH is required"),
                 (["--db", "x.db", "--port", "70000"], "--port must be"),
                 (["--db", "x.db", "--token-ttl", "0"], "--token-ttl must be"),
                 (["--db", "x.db", "--allow-origin", "http://a.example/"], "--allow-origin takes"),
                 (["--db", "x.db", "--wat", "1"], "unknown option --wat")]
        for args, message in cases:
            result = run(*args)
            self.assertEqual(result.returncode, 2, args)
            self.assertIn(message, result.stderr)

    def test_a_short_secret_is_refused(self):
        result = run("--db", "x.db", env={"TANDEM_DEMO_API_SECRET": "short"})
        self.assertEqual(result.returncode, 2)
        self.assertIn("at least 32", result.stderr)

    def test_help_says_it_is_a_demo(self):
        result = run("--help")
        self.assertEqual(result.returncode, 0)
        self.assertIn("demo", result.stdout)


class LifecycleTest(unittest.TestCase):
    def test_seeded_once_and_kept_across_restarts(self):
        api = Api().start()
        try:
            first = api.get("/v1/notices", api.sign_in()).json()
            api.stop()
            api.start()
            self.assertEqual(api.get("/v1/notices", api.sign_in()).json(), first)
        finally:
            api.close()

    def test_a_random_secret_is_new_at_every_start(self):
        api = Api(secret=None).start()
        try:
            token = api.sign_in()
            self.assertEqual(api.get("/v1/notices", token).status, 200)
            self.assertEqual(api.get("/v1/notices", hs256_token(ada_claims())).status, 401)
            api.stop()
            api.start()
            self.assertEqual(api.get("/v1/notices", token).status, 401)
        finally:
            api.close()

    def test_tokens_expire_after_the_ttl(self):
        api = Api("--token-ttl", "1").start()
        try:
            token = api.sign_in()
            self.assertEqual(api.get("/v1/notices", token).status, 200)
            time.sleep(2.1)
            self.assertEqual(api.get("/v1/notices", token).status, 401)
            self.assertEqual(api.get("/v1/notices", api.sign_in()).status, 200)
        finally:
            api.close()


class FaultsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.api = Api("--faults").start()
        cls.token = cls.api.sign_in()

    @classmethod
    def tearDownClass(cls):
        cls.api.close()

    def test_server_error(self):
        self.assertEqual(self.api.get("/v1/orders/LP-000500", self.token).status, 500)

    def test_a_body_that_is_not_json(self):
        response = self.api.get("/v1/orders/LP-000777", self.token)
        self.assertEqual(response.status, 200)
        self.assertTrue(response.body.startswith(b"<html>"))

    def test_slow_answer(self):
        started = time.monotonic()
        response = self.api.get("/v1/orders/LP-000504", self.token)
        self.assertGreaterEqual(time.monotonic() - started, 5.9)
        self.assertEqual(response.status, 200)

    def test_faults_still_need_a_token(self):
        self.assertEqual(self.api.get("/v1/orders/LP-000500").status, 401)

    def test_real_orders_still_answer(self):
        self.assertEqual(self.api.get("/v1/orders/LP-000123", self.token).status, 200)


if __name__ == "__main__":
    unittest.main()
