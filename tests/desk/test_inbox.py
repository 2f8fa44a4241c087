"""The agent inbox page: token to cookie, escaping, headers, assets."""

import time
import unittest

from desk_server import AGENT_TOKEN, Desk, example_bundle


class InboxTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.desk = Desk().start()
        hostile = example_bundle("h_hostile_markup")
        hostile["summary"] = "<script>alert('x')</script> & \"quoted\""
        hostile["intent"]["queue"] = "<img src=x onerror=alert(1)>"
        cls.desk.handoff(hostile)

    @classmethod
    def tearDownClass(cls):
        cls.desk.close()

    def test_token_in_the_url_becomes_an_http_only_cookie_and_leaves_the_url(self):
        response = self.desk.request("GET", "/inbox?token=" + AGENT_TOKEN)
        self.assertEqual(response.status, 303)
        self.assertEqual(response.headers["Location"], "/inbox")
        cookie = response.headers["Set-Cookie"]
        self.assertTrue(cookie.startswith("tandem_agent="))
        self.assertNotIn(AGENT_TOKEN, cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Strict", cookie)
        self.assertNotIn("Secure", cookie)  # plain http, no trusted proxy
        page = self.desk.request("GET", "/inbox", headers={"Cookie": cookie.split(";")[0]})
        self.assertEqual(page.status, 200)
        self.assertTrue(page.headers["Content-Type"].startswith("text/html"))
        self.assertEqual(self.desk.request("GET", "/inbox?token=wrong-token-0123456789").status,
                         403)

    def test_bundle_text_is_escaped(self):
        page = self.desk.agent("GET", "/inbox").text
        self.assertIn("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;",
                      page)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", page)
        self.assertNotIn("<script>alert", page)
        self.assertNotIn("<img", page)

    def test_page_forbids_inline_script_and_framing(self):
        response = self.desk.agent("GET", "/inbox")
        policy = response.headers["Content-Security-Policy"]
        self.assertIn("script-src 'self'", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertIn('<script type="module" src="/inbox.js">', response.text)

    def test_script_never_writes_markup(self):
        script = self.desk.request("GET", "/inbox.js")
        self.assertEqual(script.status, 200)
        self.assertTrue(script.headers["Content-Type"].startswith("text/javascript"))
        self.assertIn("/v1/agent/conversations", script.text)
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
            self.assertNotIn(sink, script.text)
        self.assertEqual(self.desk.request("GET", "/inbox.css").status, 200)


class RateLimitTest(unittest.TestCase):
    def test_a_burst_past_the_limit_gets_429_then_recovers(self):
        desk = Desk("--rate-limit", "5", "--rate-burst", "3").start()
        self.addCleanup(desk.close)
        statuses = [desk.request("GET", "/v1/nothing").status for _ in range(4)]
        self.assertEqual(statuses, [404, 404, 404, 429])
        refused = desk.handoff(example_bundle("h_rate_limited"))
        self.assertEqual(refused.status, 429)
        self.assertEqual(refused.headers["Retry-After"], "1")
        self.assertTrue(refused.json()["error"])
        time.sleep(0.5)  # 5 per second: two tokens back
        self.assertEqual(desk.handoff(example_bundle("h_rate_limited")).status, 201)


if __name__ == "__main__":
    unittest.main()
