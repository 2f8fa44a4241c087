"""Named agent accounts: `tandem-desk agents add|list|disable` on the desk's
database, a secret printed once and stored only as a salted PBKDF2 hash,
sign-in by name and secret (form or JSON) to a session, disabled accounts
locked out at once. The shared --agent-token keeps working beside them."""

import re
import unittest
import urllib.parse

from desk_server import AGENT_TOKEN, DeskTestCase


class AgentAccountsTest(DeskTestCase):
    def test_add_prints_a_secret_once_and_stores_only_a_salted_slow_hash(self):
        secret = self.desk.add_agent("amira", "Amira")
        self.assertRegex(secret, "^[0-9a-f]{40}$")
        [(stored, display)] = self.desk.query(
            "SELECT secret_hash, display_name FROM agents WHERE name = ?", ("amira",))
        self.assertEqual(display, "Amira")
        self.assertNotIn(secret, stored)
        scheme, iterations, salt, digest = stored.split("$")
        self.assertEqual(scheme, "pbkdf2-sha256")
        self.assertGreaterEqual(int(iterations), 600000)
        self.assertRegex(salt, "^[0-9a-f]{32}$")
        self.assertRegex(digest, "^[0-9a-f]{64}$")
        # Same secret twice would still differ: the salt is per account.
        self.desk.add_agent("amira2")
        [(other,)] = self.desk.query("SELECT secret_hash FROM agents WHERE name = ?", ("amira2",))
        self.assertNotEqual(other.split("$")[2], salt)
        listed = self.desk.agents_command("list")
        self.assertEqual(listed.returncode, 0, listed.stderr)
        self.assertRegex(listed.stdout, r"(?m)^amira\tAmira\tactive\t\d{4}-\d\d-\d\dT")
        self.assertRegex(listed.stdout, r"(?m)^amira2\t-\tactive\t")
        self.assertNotIn(secret, listed.stdout)

    def test_bad_names_and_duplicates_are_refused_with_a_reason(self):
        self.desk.add_agent("bruno")
        for args, reason in ((("add", "bruno"), "already exists"),
                             (("add", "Bruno!"), "only a-z"),
                             (("add", "shared"), "reserved"),
                             (("add", "customer"), "reserved"),
                             (("add", "x" * 33), "1 to 32"),
                             (("add", "carla", "--display-name", "<b>Carla</b>"), "first name"),
                             (("disable", "nobody"), "no agent named nobody"),
                             (("remove", "bruno"), "unknown command"),
                             (("add",), "NAME is missing")):
            with self.subTest(args=args):
                done = self.desk.agents_command(*args)
                self.assertNotEqual(done.returncode, 0)
                self.assertIn(reason, done.stderr)
                self.assertNotIn("Traceback", done.stderr)

    def test_sign_in_by_json_or_form_gives_a_session_cookie(self):
        secret = self.desk.add_agent("dana", "Dana")
        answer = self.desk.request("POST", "/signin", {"name": "dana", "secret": secret})
        self.assertEqual(answer.status, 200, answer.body)
        self.assertEqual(answer.json(), {"agent": "dana", "display_name": "Dana"})
        cookie = answer.headers["Set-Cookie"]
        self.assertRegex(cookie, "^tandem_agent=[0-9a-f]{64}; ")
        self.assertNotIn(secret, cookie)
        for flag in ("HttpOnly", "SameSite=Strict", "Path=/"):
            self.assertIn(flag, cookie)
        me = self.desk.as_agent(cookie.split(";")[0], "GET", "/v1/agent/me").json()
        self.assertEqual(me, {"agent": "dana", "display_name": "Dana", "shared": False})
        form = urllib.parse.urlencode({"name": "dana", "secret": secret})
        page = self.desk.request("POST", "/signin", form,
                                 {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(page.status, 303)
        self.assertEqual(page.headers["Location"], "/inbox")
        inbox = self.desk.as_agent(page.headers["Set-Cookie"].split(";")[0], "GET", "/inbox")
        self.assertEqual(inbox.status, 200)
        self.assertIn('data-agent="dana"', inbox.text)
        self.assertIn("customers see Dana", inbox.text)

    def test_wrong_secrets_and_unknown_names_get_the_same_refusal(self):
        secret = self.desk.add_agent("emil")
        answers = [self.desk.request("POST", "/signin", body) for body in (
            {"name": "emil", "secret": secret[:-1] + ("1" if secret.endswith("0") else "0")},
            {"name": "nobody", "secret": secret},
            {"name": "emil", "secret": ""})]
        for answer in answers:
            self.assertEqual(answer.status, 403)
            self.assertIsNone(answer.headers["Set-Cookie"])
        self.assertEqual(len({a.json()["error"] for a in answers}), 1)
        form = urllib.parse.urlencode({"name": "emil", "secret": "wrong"})
        page = self.desk.request("POST", "/signin", form,
                                 {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(page.status, 403)
        self.assertIn('role="alert"', page.text)
        self.assertIn('value="emil"', page.text)
        self.assertEqual(self.desk.request("POST", "/signin", {"name": 1}).status, 422)

    def test_a_disabled_agent_is_signed_out_and_cannot_sign_in(self):
        secret = self.desk.add_agent("farah")
        cookie = self.desk.sign_in("farah", secret)
        self.assertEqual(self.desk.as_agent(cookie, "GET", "/v1/agent/conversations").status, 200)
        done = self.desk.agents_command("disable", "farah")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(self.desk.as_agent(cookie, "GET", "/v1/agent/conversations").status, 403)
        answer = self.desk.request("POST", "/signin", {"name": "farah", "secret": secret})
        self.assertEqual(answer.status, 403)
        self.assertRegex(self.desk.agents_command("list").stdout, r"(?m)^farah\t-\tdisabled\t")

    def test_the_sign_in_page_is_a_plain_form_under_a_strict_policy(self):
        page = self.desk.request("GET", "/signin")
        self.assertEqual(page.status, 200)
        self.assertIn('<form method="post" action="/signin">', page.text)
        self.assertIn('type="password"', page.text)
        self.assertNotIn("<script", page.text)
        self.assertIn("frame-ancestors 'none'", page.headers["Content-Security-Policy"])
        # A browser that is not signed in is sent there; a script gets 401.
        browser = self.desk.request("GET", "/inbox", headers={"Accept": "text/html"})
        self.assertEqual((browser.status, browser.headers["Location"]), (303, "/signin"))
        self.assertEqual(self.desk.request("GET", "/inbox").status, 401)

    def test_sign_in_from_another_site_is_refused(self):
        secret = self.desk.add_agent("gus")
        answer = self.desk.request("POST", "/signin", {"name": "gus", "secret": secret},
                                   {"Origin": "https://evil.example"})
        self.assertEqual(answer.status, 403)
        self.assertIsNone(answer.headers["Set-Cookie"])

    def test_the_shared_token_still_works_as_the_shared_identity(self):
        me = self.desk.agent("GET", "/v1/agent/me").json()
        self.assertEqual(me, {"agent": "shared", "display_name": "", "shared": True})
        cookie = self.desk.request("GET", "/inbox?token=" + AGENT_TOKEN).headers["Set-Cookie"]
        inbox = self.desk.as_agent(cookie.split(";")[0], "GET", "/inbox")
        self.assertIn('data-agent="shared"', inbox.text)
        self.assertTrue(re.search("shared token", inbox.text))


if __name__ == "__main__":
    unittest.main()
