"""The inbox's sign-in cookie, the Authorization scheme and dates: the
cookie holds a random session id (its hash stored, so any desk on the same
database knows it), never the agent token; it expires and signs out; it is
Secure behind a trusted https proxy; "bearer" is "Bearer"; impossible dates
are refused."""

import hashlib
import unittest

from desk_server import AGENT_TOKEN, Desk, DeskTestCase, example_bundle


def sign_in(desk, headers=None):
    response = desk.request("GET", "/inbox?token=" + AGENT_TOKEN, headers=headers)
    return response.headers["Set-Cookie"]


class AgentSessionTest(DeskTestCase):
    def test_the_cookie_is_a_random_session_every_instance_on_the_database_accepts(self):
        cookie = sign_in(self.desk).split(";")[0]
        self.assertNotIn(AGENT_TOKEN, cookie)
        session = cookie.split("=", 1)[1]
        self.assertRegex(session, "^[0-9a-f]{64}$")
        # Only a hash of the id is stored.
        self.assertEqual(self.desk.query(
            "SELECT COUNT(*) FROM agent_sessions WHERE id_sha256 = ?",
            (hashlib.sha256(session.encode()).hexdigest(),)), [(1,)])
        self.assertEqual(self.desk.query(
            "SELECT COUNT(*) FROM agent_sessions WHERE id_sha256 = ?", (session,)), [(0,)])
        other = Desk(share_with=self.desk).start()  # a second instance, same database
        self.addCleanup(other.close)
        for desk in (self.desk, other):
            page = desk.request("GET", "/v1/agent/conversations", headers={"Cookie": cookie})
            self.assertEqual(page.status, 200)

    def test_a_forged_or_tampered_session_is_refused(self):
        session = sign_in(self.desk).split(";")[0].split("=", 1)[1]
        forged = [session[:-1] + ("0" if session[-1] != "0" else "1"), "0" * 64, AGENT_TOKEN,
                  "", ".", hashlib.sha256(session.encode()).hexdigest()]
        for value in forged:
            answer = self.desk.request("GET", "/v1/agent/conversations",
                                       headers={"Cookie": "tandem_agent=" + value})
            self.assertEqual(answer.status, 403, value)
            self.assertIn("error", answer.json())

    def test_a_session_of_another_database_is_refused(self):
        other_token = "another-agent-secret-987654"
        third = Desk("--agent-token", other_token).start()
        self.addCleanup(third.close)
        cookie = third.request("GET", "/inbox?token=" + other_token).headers["Set-Cookie"]
        answer = self.desk.request("GET", "/v1/agent/conversations",
                                   headers={"Cookie": cookie.split(";")[0]})
        self.assertEqual(answer.status, 403)

    def test_an_expired_session_is_refused(self):
        cookie = sign_in(self.desk).split(";")[0]
        digest = hashlib.sha256(cookie.split("=", 1)[1].encode()).hexdigest()
        self.desk.query("UPDATE agent_sessions SET expires_ms = 1000 WHERE id_sha256 = ?",
                        (digest,))
        answer = self.desk.request("GET", "/v1/agent/conversations", headers={"Cookie": cookie})
        self.assertEqual(answer.status, 403)
        self.assertIn("sign in again", answer.json()["error"])

    def test_sign_out_ends_the_session_and_clears_the_cookie(self):
        cookie = sign_in(self.desk).split(";")[0]
        out = self.desk.request("POST", "/signout", "", {"Cookie": cookie})
        self.assertEqual(out.status, 303)
        self.assertEqual(out.headers["Location"], "/signin")
        self.assertIn("tandem_agent=;", out.headers["Set-Cookie"])
        self.assertIn("Max-Age=0", out.headers["Set-Cookie"])
        self.assertEqual(self.desk.request("GET", "/v1/agent/conversations",
                                           headers={"Cookie": cookie}).status, 403)

    def test_lower_case_bearer_is_accepted(self):
        for scheme in ("bearer", "BEARER", "Bearer"):
            answer = self.desk.request("GET", "/v1/agent/conversations",
                                       headers={"Authorization": f"{scheme} {AGENT_TOKEN}"})
            self.assertEqual(answer.status, 200, scheme)
        created = self.desk.handoff(example_bundle("h_lower_bearer")).json()
        path = f"/v1/conversations/{created['conversation_id']}/messages"
        answer = self.desk.request("GET", path,
                                   headers={"Authorization": "bearer " + created["customer_token"]})
        self.assertEqual(answer.status, 200)
        self.assertEqual(self.desk.request(
            "GET", "/v1/agent/conversations",
            headers={"Authorization": "Basic " + AGENT_TOKEN}).status, 401)

    def test_impossible_report_dates_are_refused(self):
        for since, until in (("2025-02-31", "2025-03-05"), ("2025-13-01", "2026-01-05"),
                             ("2025-02-01T24:00:00Z", "2025-02-05"),
                             ("2025-02-01T10:00:61Z", "2025-02-05"),
                             ("2025-02-29", "2025-03-05")):
            answer = self.desk.agent("GET", f"/v1/agent/reports/summary?since={since}&until={until}")
            self.assertEqual(answer.status, 400, since)
            self.assertIn("error", answer.json())
        leap = self.desk.agent("GET", "/v1/agent/reports/summary?since=2024-02-29&until=2024-03-05")
        self.assertEqual(leap.status, 200)

    def test_impossible_bundle_dates_are_refused(self):
        for created_at in ("2025-02-31T10:00:00Z", "2025-13-01T10:00:00Z",
                           "2025-04-31T10:00:00Z", "2025-01-01T24:00:00Z",
                           "2025-01-01T23:59:61Z"):
            bundle = example_bundle("h_bad_date_" + created_at[5:7] + created_at[8:10])
            bundle["created_at"] = created_at
            answer = self.desk.handoff(bundle)
            self.assertEqual(answer.status, 422, created_at)
            self.assertIn("created_at", answer.json()["error"])


class TrustedProxyTest(unittest.TestCase):
    def test_secure_only_when_a_trusted_proxy_says_https(self):
        desk = Desk("--trust-proxy", "127.0.0.1").start()
        self.addCleanup(desk.close)
        over_https = sign_in(desk, {"X-Forwarded-Proto": "https"})
        self.assertIn("; Secure", over_https)
        self.assertIn("HttpOnly", over_https)
        self.assertIn("SameSite=Strict", over_https)
        self.assertNotIn("Secure", sign_in(desk, {"X-Forwarded-Proto": "http"}))

    def test_a_named_agents_session_is_secure_behind_https_too(self):
        desk = Desk("--trust-proxy", "127.0.0.1").start()
        self.addCleanup(desk.close)
        secret = desk.add_agent("noor")
        answer = desk.request("POST", "/signin", {"name": "noor", "secret": secret},
                              {"X-Forwarded-Proto": "https"})
        self.assertEqual(answer.status, 200, answer.body)
        cookie = answer.headers["Set-Cookie"]
        for flag in ("; Secure", "HttpOnly", "SameSite=Strict"):
            self.assertIn(flag, cookie)

    def test_an_untrusted_peer_cannot_claim_https(self):
        desk = Desk("--trust-proxy", "10.1.2.3").start()
        self.addCleanup(desk.close)
        self.assertNotIn("Secure", sign_in(desk, {"X-Forwarded-Proto": "https"}))

    def test_trust_proxy_takes_an_address(self):
        desk = Desk("--trust-proxy", "proxy.example.com")
        self.addCleanup(desk.close)
        with self.assertRaises(RuntimeError):
            desk.start()


if __name__ == "__main__":
    unittest.main()
