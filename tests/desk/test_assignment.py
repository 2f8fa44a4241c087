"""A team's work on conversations: take / release / "assigned to me", who
replied (stored with every agent message; the customer sees the agent's
display name only when they chose one), internal notes that never reach the
customer, and the audit of who did what and when."""

import json
import threading
import unittest
import uuid

from desk_server import DeskTestCase, example_bundle


class AssignmentTest(DeskTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.maya = cls.desk.sign_in("maya", cls.desk.add_agent("maya", "Maya"))
        cls.tom = cls.desk.sign_in("tom", cls.desk.add_agent("tom"))

    def new_conversation(self):
        created = self.desk.handoff(example_bundle("h_" + uuid.uuid4().hex)).json()
        return created["conversation_id"], created["customer_token"]

    def path(self, conversation, action=""):
        return f"/v1/agent/conversations/{conversation}" + (f"/{action}" if action else "")

    def listed(self, cookie, assigned):
        answer = self.desk.as_agent(cookie, "GET", "/v1/agent/conversations?assigned=" + assigned)
        self.assertEqual(answer.status, 200, answer.body)
        return {c["id"]: c["assignee"] for c in answer.json()["conversations"]}

    def test_take_release_and_the_assigned_to_me_filter(self):
        conversation, _ = self.new_conversation()
        self.assertIsNone(self.listed(self.maya, "any")[conversation])
        self.assertIn(conversation, self.listed(self.maya, "none"))
        taken = self.desk.as_agent(self.maya, "POST", self.path(conversation, "take"))
        self.assertEqual((taken.status, taken.json()["assignee"]), (200, "maya"))
        self.assertEqual(self.desk.as_agent(self.maya, "POST",
                                            self.path(conversation, "take")).status, 200)
        self.assertEqual(self.listed(self.maya, "me")[conversation], "maya")
        self.assertNotIn(conversation, self.listed(self.tom, "me"))
        self.assertNotIn(conversation, self.listed(self.tom, "none"))
        # Someone else's stays theirs: tom can neither take nor release it.
        for action in ("take", "release"):
            refused = self.desk.as_agent(self.tom, "POST", self.path(conversation, action))
            self.assertEqual(refused.status, 409, action)
            self.assertIn("assigned to maya", refused.json()["error"])
        released = self.desk.as_agent(self.maya, "POST", self.path(conversation, "release"))
        self.assertEqual((released.status, released.json()["assignee"]), (200, None))
        self.assertEqual(self.desk.as_agent(self.tom, "POST",
                                            self.path(conversation, "take")).status, 200)
        # The shared token (an administrator's key) may release anyone's.
        self.assertEqual(self.desk.agent("POST", self.path(conversation, "release")).status, 200)
        self.assertIsNone(self.desk.agent("GET", self.path(conversation)).json()["assignee"])

    def test_assignment_bad_input(self):
        conversation, token = self.new_conversation()
        self.assertEqual(self.desk.as_agent(self.maya, "POST",
                                            self.path("c_missing", "take")).status, 404)
        self.assertEqual(self.desk.as_agent(self.maya, "GET",
                                            "/v1/agent/conversations?assigned=bob").status, 400)
        form = self.desk.request("POST", self.path(conversation, "take"), "",
                                 {"Cookie": self.maya, "Content-Type": "text/plain"})
        self.assertEqual(form.status, 415)  # the CSRF defence
        self.assertEqual(self.desk.customer("POST", self.path(conversation, "take"), token,
                                            {}).status, 403)
        self.assertEqual(self.desk.request("POST", self.path(conversation, "take"), {}).status,
                         401)

    def test_two_agents_taking_at_once_get_one_assignee(self):
        conversation, _ = self.new_conversation()
        answers = {}

        def take(name, cookie):
            answers[name] = self.desk.as_agent(cookie, "POST", self.path(conversation, "take"))

        threads = [threading.Thread(target=take, args=a) for a in (("maya", self.maya),
                                                                     ("tom", self.tom))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(sorted(a.status for a in answers.values()), [200, 409])
        winner = [n for n, a in answers.items() if a.status == 200][0]
        self.assertEqual(self.desk.agent("GET", self.path(conversation)).json()["assignee"], winner)

    def test_who_replied_is_kept_and_the_customer_sees_a_chosen_name_only(self):
        conversation, token = self.new_conversation()
        for cookie, text in ((self.maya, "Hi, Maya here."), (self.tom, "Tom, following up."),
                             (None, "From the team.")):
            answer = (self.desk.as_agent(cookie, "POST", self.path(conversation, "messages"),
                                         {"text": text}) if cookie else
                      self.desk.agent("POST", self.path(conversation, "messages"), {"text": text}))
            self.assertEqual(answer.status, 201, answer.body)
        thread = self.desk.agent("GET", self.path(conversation)).json()["messages"]
        self.assertEqual([(m["agent"], m.get("agent_name")) for m in thread],
                         [("maya", "Maya"), ("tom", None), ("shared", None)])
        seen = self.desk.customer("GET", f"/v1/conversations/{conversation}/messages",
                                  token).json()["messages"]
        self.assertEqual([m.get("agent_name") for m in seen], ["Maya", None, None])
        for message in seen:  # account names are the desk's business, not the customer's
            self.assertNotIn("agent", message)
            self.assertEqual(set(message) - {"agent_name"}, {"id", "role", "text", "time"})
        self.assertEqual(self.desk.query(
            "SELECT agent FROM messages WHERE conversation_id = ? ORDER BY seq", (conversation,)),
            [("maya",), ("tom",), ("shared",)])

    def test_internal_notes_never_reach_the_customer(self):
        conversation, token = self.new_conversation()
        secret_words = "NOTE-ONLY refund looks like fraud, check with risk " + uuid.uuid4().hex
        customer_path = f"/v1/conversations/{conversation}/messages"
        # A long-poll held while the note is written is not answered by it.
        held = {}
        poll = threading.Thread(target=lambda: held.update(answer=self.desk.customer(
            "GET", customer_path + "?wait=2", token)))
        poll.start()
        note = self.desk.as_agent(self.maya, "POST", self.path(conversation, "notes"),
                                  {"text": secret_words})
        self.assertEqual(note.status, 201, note.body)
        self.assertEqual(note.json()["agent"], "maya")
        poll.join()
        self.assertEqual(held["answer"].json()["messages"], [])
        self.desk.as_agent(self.maya, "POST", self.path(conversation, "messages"),
                           {"text": "We are checking your refund."})
        answers = [held["answer"],
                   self.desk.customer("GET", customer_path, token),
                   self.desk.customer("GET", customer_path + "?after=0&wait=1", token),
                   self.desk.customer("POST", customer_path, token, {"text": "Any news?"})]
        for answer in answers:
            self.assertNotIn("NOTE-ONLY", answer.text)
        self.assertEqual([m["text"] for m in answers[1].json()["messages"]],
                         ["We are checking your refund."])
        agent_view = self.desk.agent("GET", self.path(conversation)).json()
        self.assertEqual([(n["agent"], n["text"]) for n in agent_view["notes"]],
                         [("maya", secret_words)])
        self.assertNotIn("NOTE-ONLY", json.dumps(agent_view["messages"]))
        # Note input follows the message rules.
        self.assertEqual(self.desk.as_agent(self.maya, "POST", self.path(conversation, "notes"),
                                            {"text": ""}).status, 422)
        self.assertEqual(self.desk.as_agent(self.maya, "POST", self.path("c_missing", "notes"),
                                            {"text": "x"}).status, 404)
        self.assertEqual(self.desk.customer("POST", self.path(conversation, "notes"), token,
                                            {"text": "x"}).status, 403)

    def test_the_audit_says_who_did_what_and_when(self):
        conversation, token = self.new_conversation()
        steps = [(self.maya, "take", None), (self.maya, "messages", {"text": "On it."}),
                 (self.maya, "notes", {"text": "Asked the bank."}),
                 (self.maya, "release", None), (self.tom, "take", None),
                 (self.tom, "resolve", None)]
        for cookie, action, body in steps:
            answer = self.desk.as_agent(cookie, "POST", self.path(conversation, action), body)
            self.assertIn(answer.status, (200, 201), answer.body)
        # Resolving again changes nothing and is not audited again.
        self.assertEqual(self.desk.as_agent(self.tom, "POST",
                                            self.path(conversation, "resolve")).status, 200)
        self.desk.customer("POST", f"/v1/conversations/{conversation}/messages", token,
                           {"text": "It happened again."})
        self.desk.customer("POST", f"/v1/conversations/{conversation}/end", token, {})
        audit = self.desk.agent("GET", self.path(conversation)).json()["audit"]
        self.assertEqual([(a["actor"], a["action"]) for a in audit],
                         [("maya", "took"), ("maya", "replied"), ("maya", "noted"),
                          ("maya", "released"), ("tom", "took"), ("tom", "resolved"),
                          ("customer", "reopened"), ("customer", "resolved")])
        times = [a["time"] for a in audit]
        self.assertEqual(times, sorted(times))
        self.assertRegex(times[0], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        self.assertEqual(self.desk.query(
            "SELECT resolved_by FROM conversations WHERE id = ?", (conversation,)),
            [("customer",)])


if __name__ == "__main__":
    unittest.main()
