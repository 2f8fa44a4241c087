"""The customer and agent sides of a conversation after the handoff."""

import threading
import time
import unittest
import uuid

from desk_server import AGENT_TOKEN, Desk, DeskTestCase, SITE, example_bundle


class ConversationTest(DeskTestCase):
    def setUp(self):
        created = self.desk.handoff(example_bundle("h_" + uuid.uuid4().hex)).json()
        self.conversation = created["conversation_id"]
        self.token = created["customer_token"]
        self.customer_path = f"/v1/conversations/{self.conversation}/messages"
        self.agent_path = f"/v1/agent/conversations/{self.conversation}"

    def assert_error(self, response, status):
        self.assertEqual(response.status, status, response.body)
        self.assertEqual(response.headers["Content-Type"], "application/json")
        self.assertTrue(response.json()["error"])

    def reply(self, text):
        response = self.desk.agent("POST", self.agent_path + "/messages", {"text": text})
        self.assertEqual(response.status, 201, response.body)
        return response.json()

    # Customer side.

    def test_customer_reads_agent_replies_after_a_cursor(self):
        empty = self.desk.customer("GET", self.customer_path, self.token).json()
        self.assertEqual(empty, {"messages": [], "cursor": 0, "status": "queued"})
        first = self.reply("Hello, I can see the double charge.")
        second = self.reply("Refund is on its way.")
        page = self.desk.customer("GET", self.customer_path + "?after=0", self.token).json()
        self.assertEqual([m["text"] for m in page["messages"]],
                         ["Hello, I can see the double charge.", "Refund is on its way."])
        self.assertEqual({m["role"] for m in page["messages"]}, {"agent"})
        self.assertEqual(page["cursor"], second["id"])
        rest = self.desk.customer("GET", f"{self.customer_path}?after={first['id']}",
                                  self.token).json()
        self.assertEqual([m["id"] for m in rest["messages"]], [second["id"]])
        done = self.desk.customer("GET", f"{self.customer_path}?after={page['cursor']}",
                                  self.token).json()
        self.assertEqual(done["messages"], [])
        self.assertEqual(done["cursor"], page["cursor"])

    def test_message_numbers_count_within_each_conversation(self):
        # The cursor is the conversation's own sequence, not a global id: a
        # message elsewhere between two of these takes no number from them.
        other = self.desk.handoff(example_bundle("h_" + uuid.uuid4().hex)).json()
        self.assertEqual(self.reply("one")["id"], 1)
        self.desk.agent("POST", f"/v1/agent/conversations/{other['conversation_id']}/messages",
                        {"text": "elsewhere"})
        customer = self.desk.customer("POST", self.customer_path, self.token, {"text": "two"})
        self.assertEqual(customer.json()["id"], 2)
        self.assertEqual(self.reply("three")["id"], 3)
        thread = self.desk.agent("GET", self.agent_path).json()["messages"]
        self.assertEqual([(m["id"], m["text"]) for m in thread],
                         [(1, "one"), (2, "two"), (3, "three")])

    def test_long_poll_returns_as_soon_as_the_agent_replies(self):
        timer = threading.Timer(0.5, self.reply, args=("On it.",))
        started = time.monotonic()
        timer.start()
        page = self.desk.customer("GET", self.customer_path + "?after=0&wait=20", self.token)
        elapsed = time.monotonic() - started
        timer.join()
        self.assertEqual([m["text"] for m in page.json()["messages"]], ["On it."])
        self.assertGreaterEqual(elapsed, 0.4)
        self.assertLess(elapsed, 5)

    def test_long_poll_without_reply_returns_empty_after_wait(self):
        started = time.monotonic()
        page = self.desk.customer("GET", self.customer_path + "?wait=1", self.token)
        self.assertEqual(page.status, 200)
        self.assertEqual(page.json()["messages"], [])
        self.assertGreaterEqual(time.monotonic() - started, 0.9)

    def test_customer_is_told_only_what_agents_did(self):
        def status():
            return self.desk.customer("GET", self.customer_path, self.token).json()["status"]

        self.assertEqual(status(), "queued")
        # Listing the inbox is not opening the conversation.
        self.desk.agent("GET", "/v1/agent/conversations")
        self.assertEqual(status(), "queued")
        self.desk.agent("GET", self.agent_path)
        self.assertEqual(status(), "seen")
        self.reply("Hello, looking into it.")
        self.assertEqual(status(), "answered")
        self.desk.agent("POST", self.agent_path + "/resolve", {})
        self.assertEqual(status(), "resolved")
        reopened = self.desk.customer("POST", self.customer_path, self.token, {"text": "wait"})
        self.assertEqual(reopened.json()["status"], "answered")
        self.assertEqual(self.desk.agent("GET", self.agent_path).json()["status"], "open")

    def test_long_poll_returns_when_an_agent_opens_the_conversation(self):
        timer = threading.Timer(0.5, self.desk.agent, args=("GET", self.agent_path))
        started = time.monotonic()
        timer.start()
        page = self.desk.customer("GET", self.customer_path + "?after=0&wait=20&status=queued",
                                  self.token).json()
        elapsed = time.monotonic() - started
        timer.join()
        self.assertEqual(page, {"messages": [], "cursor": 0, "status": "seen"})
        self.assertLess(elapsed, 5)
        # A state the widget did not know yet is answered at once.
        started = time.monotonic()
        again = self.desk.customer("GET", self.customer_path + "?wait=20&status=queued",
                                   self.token).json()
        self.assertEqual(again["status"], "seen")
        self.assertLess(time.monotonic() - started, 2)

    def test_customer_ends_the_conversation(self):
        path = f"/v1/conversations/{self.conversation}/end"
        self.assert_error(self.desk.request("POST", path), 401)
        ended = self.desk.customer("POST", path, self.token, {})
        self.assertEqual(ended.json(), {"id": self.conversation, "status": "resolved"})
        self.assertEqual(self.desk.agent("GET", self.agent_path).json()["status"], "resolved")

    def test_customer_follow_up_reaches_the_agent(self):
        response = self.desk.customer("POST", self.customer_path, self.token,
                                      {"text": "Any news? 👀"}, {"Origin": SITE})
        self.assertEqual(response.status, 201, response.body)
        self.assertEqual(response.headers["Access-Control-Allow-Origin"], SITE)
        self.assertEqual(response.json()["role"], "customer")
        thread = self.desk.agent("GET", self.agent_path).json()["messages"]
        self.assertEqual([(m["role"], m["text"]) for m in thread], [("customer", "Any news? 👀")])
        # The customer's own messages are not echoed back as agent replies.
        page = self.desk.customer("GET", self.customer_path, self.token).json()
        self.assertEqual(page["messages"], [])

    def test_customer_routes_need_the_conversations_own_token(self):
        other = self.desk.handoff(example_bundle("h_" + uuid.uuid4().hex)).json()
        for method, body in (("GET", None), ("POST", {"text": "hi"})):
            with self.subTest(method=method):
                self.assert_error(self.desk.request(method, self.customer_path, body), 401)
                self.assert_error(self.desk.request(method, self.customer_path, body, {
                    "Authorization": "Basic " + self.token}), 401)
                self.assert_error(self.desk.customer(method, self.customer_path, "0" * 64, body),
                                  403)
                self.assert_error(self.desk.customer(method, self.customer_path,
                                                     other["customer_token"], body), 403)
                self.assert_error(self.desk.customer(method, self.customer_path, AGENT_TOKEN,
                                                     body), 403)
        self.assert_error(self.desk.customer("GET", "/v1/conversations/c_unknown/messages",
                                             self.token), 403)

    def test_customer_bad_input(self):
        path, token = self.customer_path, self.token
        for query in ("?after=-1", "?after=abc", "?wait=soon", "?wait=-2"):
            with self.subTest(query=query):
                self.assert_error(self.desk.customer("GET", path + query, token), 400)
        self.assert_error(self.desk.customer("POST", path, token, "{nope",
                                             {"Content-Type": "application/json"}), 400)
        self.assert_error(self.desk.customer("POST", path, token, "hello",
                                             {"Content-Type": "text/plain"}), 415)
        for body in ({}, {"text": ""}, {"text": 5}, {"text": "x" * 4001}, ["hi"],
                     {"text": "hi", "role": "agent"}):
            with self.subTest(body=body):
                self.assert_error(self.desk.customer("POST", path, token, body), 422)
        self.assertEqual(self.desk.customer("POST", path, token, {"text": "é" * 4000}).status, 201)

    def test_customer_routes_refuse_foreign_origins(self):
        response = self.desk.customer("GET", self.customer_path, self.token,
                                      headers={"Origin": "https://evil.example"})
        self.assert_error(response, 403)
        preflight = self.desk.request("OPTIONS", self.customer_path, headers={
            "Origin": SITE, "Access-Control-Request-Headers": "authorization"})
        self.assertEqual(preflight.status, 204)
        self.assertIn("Authorization", preflight.headers["Access-Control-Allow-Headers"])

    # Agent side.

    def test_agent_sees_the_whole_bundle_and_thread(self):
        conversation = self.desk.agent("GET", self.agent_path).json()
        self.assertEqual(conversation["id"], self.conversation)
        self.assertEqual(conversation["status"], "open")
        self.assertEqual(conversation["bundle"]["details"]["order_id"]["value"], "LP-48213")
        self.assertEqual(len(conversation["bundle"]["transcript"]), 6)
        listed = self.desk.agent("GET", "/v1/agent/conversations").json()["conversations"]
        mine = [c for c in listed if c["id"] == self.conversation]
        self.assertEqual(len(mine), 1)
        self.assertEqual((mine[0]["priority"], mine[0]["queue"], mine[0]["reason"]),
                         ("high", "payments", "sensitive"))
        self.assertIsNotNone(mine[0]["waiting_since"])

    def test_list_orders_by_priority_then_waiting_time(self):
        desk = Desk().start()
        self.addCleanup(desk.close)
        order = ["low", "urgent", "normal", "high", "urgent"]
        ids = []
        for i, priority in enumerate(order):
            bundle = example_bundle(f"h_order_{i:04d}")
            bundle["intent"]["priority"] = priority
            ids.append(desk.handoff(bundle).json()["conversation_id"])
            time.sleep(0.01)  # distinct arrival times
        listed = [c["id"] for c in desk.agent("GET", "/v1/agent/conversations").json()[
            "conversations"]]
        self.assertEqual(listed, [ids[1], ids[4], ids[3], ids[2], ids[0]])

    def test_resolve_and_reopen(self):
        response = self.desk.agent("POST", self.agent_path + "/resolve")
        self.assertEqual(response.json(), {"id": self.conversation, "status": "resolved"})
        open_ids = [c["id"] for c in
                    self.desk.agent("GET", "/v1/agent/conversations").json()["conversations"]]
        self.assertNotIn(self.conversation, open_ids)
        resolved = self.desk.agent("GET", "/v1/agent/conversations?status=resolved").json()
        self.assertIn(self.conversation, [c["id"] for c in resolved["conversations"]])
        self.assertEqual(
            self.desk.customer("GET", self.customer_path, self.token).json()["status"],
            "resolved")
        # The customer writing again puts it back in front of the agents.
        self.desk.customer("POST", self.customer_path, self.token, {"text": "One more thing"})
        self.assertEqual(self.desk.agent("GET", self.agent_path).json()["status"], "open")

    def test_agent_routes_need_the_agent_token(self):
        routes = [("GET", "/v1/agent/conversations", None), ("GET", self.agent_path, None),
                  ("POST", self.agent_path + "/messages", {"text": "hi"}),
                  ("POST", self.agent_path + "/resolve", {}), ("GET", "/inbox", None)]
        for method, path, body in routes:
            with self.subTest(path=path):
                self.assert_error(self.desk.request(method, path, body), 401)
                self.assert_error(self.desk.customer(method, path, self.token, body), 403)
                self.assert_error(self.desk.request(method, path, body, {
                    "Cookie": "tandem_agent=wrong-token-0123456789"}), 403)
        self.assertEqual(self.desk.agent("GET", self.agent_path).json()["status"], "open")

    def test_agent_bad_input(self):
        self.assert_error(self.desk.agent("GET", "/v1/agent/conversations?status=maybe"), 400)
        self.assert_error(self.desk.agent("GET", "/v1/agent/conversations/c_missing"), 404)
        self.assert_error(self.desk.agent("POST", "/v1/agent/conversations/c_missing/messages",
                                          {"text": "hi"}), 404)
        self.assert_error(self.desk.agent("POST", "/v1/agent/conversations/c_missing/resolve"),
                          404)
        self.assert_error(self.desk.agent("POST", self.agent_path + "/messages", {"txt": "hi"}),
                          422)
        self.assert_error(self.desk.agent("POST", self.agent_path + "/messages", "{",
                                          {"Content-Type": "application/json"}), 400)
        # A form post is what a cross-site attacker could send: refused.
        self.assert_error(self.desk.agent("POST", self.agent_path + "/resolve", "x=1", {
            "Content-Type": "application/x-www-form-urlencoded"}), 415)
        self.assert_error(self.desk.agent("POST", self.agent_path + "/messages", "text=hi", {
            "Content-Type": "application/x-www-form-urlencoded"}), 415)

    def test_agent_routes_refuse_other_origins(self):
        own = f"http://127.0.0.1:{self.desk.port}"
        ok = self.desk.agent("POST", self.agent_path + "/messages", {"text": "hi"},
                             {"Origin": own})
        self.assertEqual(ok.status, 201, ok.body)
        self.assertNotIn("Access-Control-Allow-Origin", ok.headers)
        for origin in (SITE, "https://evil.example"):
            with self.subTest(origin=origin):
                self.assert_error(self.desk.agent("POST", self.agent_path + "/messages",
                                                  {"text": "hi"}, {"Origin": origin}), 403)


if __name__ == "__main__":
    unittest.main()
