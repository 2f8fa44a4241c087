"""POST /v1/events: the batch contract, deduplication and every class of bad input."""

import json
import uuid

from desk_server import AGENT_TOKEN, Desk, DeskTestCase, SITE

SCHEMA = "tandem.events/1"


def event(event_type, conversation, time="2026-11-10T10:00:00Z", **fields):
    return {"id": "e_" + uuid.uuid4().hex, "conversation": conversation, "type": event_type,
            "time": time, **fields}


def batch(*events):
    return {"schema": SCHEMA, "events": list(events)}


def new_conversation():
    return "v_" + uuid.uuid4().hex


class EventIngestionTest(DeskTestCase):
    def post(self, body, headers=None):
        return self.desk.request("POST", "/v1/events", body, headers)

    def assert_error(self, response, status, fragment=""):
        self.assertEqual(response.status, status, response.body)
        self.assertEqual(response.headers["Content-Type"], "application/json")
        self.assertIn(fragment, response.json()["error"])

    def stored_events(self, conversation):
        return self.desk.query("SELECT id FROM events WHERE conversation_id = ?", (conversation,))

    def test_a_batch_is_stored_and_counted(self):
        c = new_conversation()
        response = self.post(batch(event("conversation_started", c, origin="organic"),
                                   event("answer_shown", c, intent="faq.support_hours",
                                         kind="faq", confidence="high")))
        self.assertEqual(response.status, 200, response.body)
        self.assertEqual(response.json(), {"accepted": 2, "duplicates": 0})
        self.assertEqual(len(self.stored_events(c)), 2)

    def test_the_same_events_again_are_not_stored_twice(self):
        c = new_conversation()
        body = batch(event("conversation_started", c, origin="notice"),
                     event("fallback", c, reason="out_of_scope"))
        self.assertEqual(self.post(body).json(), {"accepted": 2, "duplicates": 0})
        self.assertEqual(self.post(body).json(), {"accepted": 0, "duplicates": 2})
        body["events"].append(event("conversation_ended", c, outcome="abandoned"))
        self.assertEqual(self.post(body).json(), {"accepted": 1, "duplicates": 2})
        self.assertEqual(len(self.stored_events(c)), 3)
        facts = json.loads(self.desk.query("SELECT facts FROM facts WHERE conversation_id = ?",
                                           (c,))[0][0])
        self.assertEqual(facts["fallbacks"], 1)
        self.assertEqual(facts["outcome"], "abandoned")

    def test_sendbeacon_text_plain_is_accepted(self):
        c = new_conversation()
        response = self.post(json.dumps(batch(event("clarification", c))),
                             {"Content-Type": "text/plain;charset=UTF-8", "Origin": SITE})
        self.assertEqual(response.status, 200, response.body)
        self.assertEqual(response.headers["Access-Control-Allow-Origin"], SITE)

    def test_other_sites_and_content_types_are_refused(self):
        c = new_conversation()
        body = batch(event("clarification", c))
        self.assert_error(self.post(body, {"Origin": "https://evil.example"}), 403)
        self.assert_error(self.post(json.dumps(body), {"Content-Type": "text/html"}), 415)
        self.assertEqual(self.stored_events(c), [])

    def test_preflight_is_answered_for_the_site(self):
        response = self.desk.request("OPTIONS", "/v1/events", headers={
            "Origin": SITE, "Access-Control-Request-Method": "POST"})
        self.assertEqual(response.status, 204)
        self.assertIn("POST", response.headers["Access-Control-Allow-Methods"])

    def test_a_bad_event_refuses_the_whole_batch(self):
        c = new_conversation()
        good = event("conversation_started", c, origin="organic")
        cases = [
            (event("answer_shown", c, intent="x", kind="faq", confidence="high",
                   text="my card 4111"), "has a field text"),
            (event("feedback", c, intent="x"), "has no helpful"),
            (event("handoff", c, reason="bored"), "reason must be"),
            (event("csat", c, by="bot", score=6), "score must be"),
            (event("csat", c, by="robot", score=3), "by must be"),
            (event("conversation_ended", c, outcome="resolved"), "outcome must be"),
            (event("page_view", c), "type is not"),
            (event("clarification", c, time="yesterday"), "time must be"),
            (event("clarification", c, time="2026-02-30T10:00:00Z"), "time must be"),
            ({**event("clarification", c), "id": "short"}, "id must be"),
            ({**event("clarification", c), "conversation": "has space 123"}, "conversation"),
            (event("answer_shown", c, intent="refund status", kind="intent",
                   confidence="high"), "intent must be"),
            (event("fallback", c, reason="out_of_scope", candidates=["a", "b", "c", "d"]),
             "candidates must be"),
        ]
        for bad, fragment in cases:
            with self.subTest(bad=bad):
                self.assert_error(self.post(batch(good, bad)), 422, "events[1] " + fragment)
        self.assertEqual(self.stored_events(c), [])

    def test_batch_shape_errors(self):
        c = new_conversation()
        self.assert_error(self.post(b"{not json", {"Content-Type": "application/json"}), 400)
        self.assert_error(self.post({"events": [event("clarification", c)]}), 422, "schema")
        self.assert_error(self.post({"schema": "tandem.events/2", "events": []}), 422, "schema")
        self.assert_error(self.post(batch()), 422, "non-empty")
        self.assert_error(self.post({**batch(event("clarification", c)), "user": "x"}), 422)
        self.assert_error(self.post([event("clarification", c)]), 422)

    def test_oversize_batches_are_refused(self):
        c = new_conversation()
        many = batch(*[event("clarification", c) for _ in range(201)])
        self.assert_error(self.post(many), 422, "at most 200")
        big = batch(*[event("fallback", c, reason="out_of_scope", question="x" * 400)
                      for _ in range(180)])
        self.assert_error(self.post(big), 413)
        huge = b'{"schema":"tandem.events/1","events":[' + b" " * 300000 + b"]}"
        self.assertEqual(self.post(huge, {"Content-Type": "application/json"}).status, 413)
        self.assertEqual(self.stored_events(c), [])

    def test_questions_are_bounded(self):
        c = new_conversation()
        self.assert_error(self.post(batch(event("fallback", c, reason="low_confidence",
                                                question="y" * 501))), 422, "question")
        ok = self.post(batch(event("fallback", c, reason="low_confidence", question="y" * 500)))
        self.assertEqual(ok.status, 200, ok.body)


class EventDurabilityTest(DeskTestCase):
    def test_accepted_events_survive_a_kill(self):
        c = new_conversation()
        body = batch(event("conversation_started", c, origin="organic"),
                     event("conversation_ended", c, outcome="abandoned"))
        self.assertEqual(self.desk.request("POST", "/v1/events", body).status, 200)
        self.desk.kill()
        self.desk.start()
        again = self.desk.request("POST", "/v1/events", body).json()
        self.assertEqual(again, {"accepted": 0, "duplicates": 2})
        summary = self.desk.request(
            "GET", "/v1/agent/reports/summary?since=2026-11-01&until=2026-12-01",
            headers={"Authorization": "Bearer " + AGENT_TOKEN}).json()
        self.assertEqual(summary["conversations"], 1)
        self.assertEqual(summary["abandoned"], 1)
