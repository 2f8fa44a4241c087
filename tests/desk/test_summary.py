"""GET /v1/agent/reports/summary over a fixture of 60 conversations whose
every figure was counted by hand (docs/metrics.md defines them). The events
are sent shuffled, in several batches, some twice, as browsers do."""

import json
import os
import random
import subprocess
import tempfile
import uuid
from datetime import datetime, timedelta, timezone

from desk_server import AGENT_TOKEN, DESK_BIN, DeskTestCase

PLUS2 = timezone(timedelta(hours=2))
SINCE = datetime(2026, 11, 10, tzinfo=PLUS2)  # 2026-11-09T22:00Z
UNTIL = datetime(2026, 11, 13, tzinfo=PLUS2)  # 2026-11-12T22:00Z


def stamp(moment):
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


class Conversation:
    def __init__(self, start):
        self.id = "v_" + uuid.uuid4().hex
        self.start = start
        self.events = []
        self.add(0, "conversation_started", origin="organic")

    def add(self, seconds, event_type, **fields):
        self.events.append({"id": "e_" + uuid.uuid4().hex, "conversation": self.id,
                            "type": event_type,
                            "time": stamp(self.start + timedelta(seconds=seconds)), **fields})
        return self


def local(day, hour, minute=0):
    return datetime(2026, 11, day, hour, minute, tzinfo=PLUS2)


def fixture():
    conversations = []
    # A: 12 confirmed by "yes" on 2026-11-10 local; the first exactly at since, the
    # last at 23:30 local (still the 10th locally and in UTC). Resolved after 60 s.
    bot_scores_a = [5, 5, 4, 4, 5, 3, 4, 5]  # 8 of 12 asked answer: 35 / 8
    starts_a = [SINCE] + [local(10, 10, i) for i in range(1, 11)] + [local(10, 23, 30)]
    for i, start in enumerate(starts_a):
        c = Conversation(start)
        c.add(5, "answer_shown", intent="faq.support_hours", kind="faq", confidence="high")
        c.add(20, "feedback", intent="faq.support_hours", helpful=True)
        c.add(60, "conversation_ended", outcome="resolved_confirmed", intent="faq.support_hours")
        c.add(61, "csat_asked", by="bot")
        if i < len(bot_scores_a):
            c.add(70, "csat", by="bot", score=bot_scores_a[i])
        conversations.append(c)
    # B: 15 assumed on 2026-11-11 local, the first at 00:30 local (22:30Z on the
    # 10th); resolved after 120 s + 10 s per conversation. Three are repeat
    # contacts within 7 days, one of them within a day. 5 asked, 2 answer.
    for i in range(15):
        start = local(11, 0, 30) if i == 0 else local(11, 10, i)
        c = Conversation(start)
        c.add(3, "answer_shown", intent="refund_status", kind="intent", confidence="medium")
        repeat = {"repeat_1d": i == 1, "repeat_7d": i in (1, 2, 3)}
        c.add(120 + 10 * i, "conversation_ended", outcome="resolved_assumed",
              intent="refund_status", **repeat)
        if i < 5:
            c.add(130 + 10 * i, "csat_asked", by="bot")
        if i < 2:
            c.add(140 + 10 * i, "csat", by="bot", score=[2, 3][i])
        conversations.append(c)
    # C..G on 2026-11-12 local.
    human_scores = [4, 5, 3, 4]
    for i in range(10):  # C: asked for a person; 6 asked about the person, 4 answer
        c = Conversation(local(12, 9, i))
        c.add(4, "handoff", reason="asked_for_person", intent="human_agent")
        c.add(600, "conversation_ended", outcome="handed_off", intent="human_agent")
        if i < 6:
            c.add(601, "csat_asked", by="human")
        if i < 4:
            c.add(610, "csat", by="human", score=human_scores[i])
        conversations.append(c)
    for i in range(5):  # D: sensitive; 2 asked, 1 answers 2
        c = Conversation(local(12, 11, i))
        c.add(4, "handoff", reason="sensitive", intent="billing_dispute")
        c.add(900, "conversation_ended", outcome="handed_off", intent="billing_dispute")
        if i < 2:
            c.add(901, "csat_asked", by="human")
        if i == 0:
            c.add(910, "csat", by="human", score=2)
        conversations.append(c)
    for i in range(4):  # E: an answer, "no", handed off as not helpful (no end sent)
        c = Conversation(local(12, 12, i))
        c.add(3, "answer_shown", intent="faq.interest", kind="faq", confidence="low")
        c.add(10, "feedback", intent="faq.interest", helpful=False)
        c.add(11, "handoff", reason="not_helpful")
        conversations.append(c)
    for i in range(8):  # F: unanswered, abandoned
        c = Conversation(local(12, 13, i))
        # The first customer chose analytics="full": the redacted question comes too.
        question = {"question": "can I check a gift card balance?"} if i == 0 else {}
        c.add(3, "fallback", reason="out_of_scope", candidates=["faq.gift_cards"], **question)
        c.add(300, "conversation_ended", outcome="abandoned")
        conversations.append(c)
    for i in range(4):  # G: a clarification, still open
        conversations.append(Conversation(local(12, 14, i)).add(2, "clarification"))
    # H: just outside [since, until): 1 ms before since, exactly at until.
    for start in (SINCE - timedelta(milliseconds=1), UNTIL):
        c = Conversation(start)
        c.add(3, "fallback", reason="low_confidence")
        c.add(100, "conversation_ended", outcome="abandoned")
        conversations.append(c)
    return conversations


def send(desk, conversations):
    events = [e for c in conversations for e in c.events]
    random.Random(13).shuffle(events)
    for at in range(0, len(events), 37):
        part = events[at:at + 37]
        response = desk.request("POST", "/v1/events", {"schema": "tandem.events/1",
                                                       "events": part})
        assert response.status == 200, response.body
    # A page that resent its last batches after a lost answer.
    repeat = events[-50:]
    response = desk.request("POST", "/v1/events", {"schema": "tandem.events/1",
                                                   "events": repeat})
    assert response.json() == {"accepted": 0, "duplicates": 50}, response.body


class SummaryTest(DeskTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        send(cls.desk, fixture())

    def summary(self, query):
        response = self.desk.request("GET", "/v1/agent/reports/summary?" + query,
                                     headers={"Authorization": "Bearer " + AGENT_TOKEN})
        self.assertEqual(response.status, 200, response.body)
        return response.json()

    def test_every_figure_of_the_period(self):
        s = self.summary("since=2026-11-10&until=2026-11-13&tz=%2B02:00")
        self.assertEqual(s["schema"], "tandem.summary/1")
        self.assertEqual(s["since"], "2026-11-10T00:00:00+02:00")
        self.assertEqual(s["until"], "2026-11-13T00:00:00+02:00")
        self.assertEqual(s["tz"], "+02:00")
        self.assertEqual(s["conversations"], 58)
        self.assertEqual(s["answered"], 31)
        self.assertEqual(s["handoffs"], 19)
        self.assertEqual(s["handoffs_by_reason"],
                         {"asked_for_person": 10, "sensitive": 5, "not_helpful": 4})
        self.assertEqual(s["resolved_confirmed"], 12)
        self.assertEqual(s["resolved_assumed"], 15)
        self.assertEqual(s["abandoned"], 8)
        self.assertEqual(s["open"], 4)
        self.assertEqual(s["csat_bot"], 4.0)  # (35 + 2 + 3) / 10
        self.assertEqual(s["csat_human"], 3.6)  # (4 + 5 + 3 + 4 + 2) / 5
        self.assertEqual((s["csat_bot_responses"], s["csat_bot_asked"]), (10, 17))
        self.assertEqual((s["csat_human_responses"], s["csat_human_asked"]), (5, 8))
        self.assertEqual((s["repeat_contacts_1d"], s["repeat_contacts_7d"]), (1, 3))
        rates = s["rates"]
        self.assertAlmostEqual(rates["bot_coverage"], 31 / 58)
        self.assertAlmostEqual(rates["containment"], 39 / 58)
        self.assertAlmostEqual(rates["automated_resolution"], 27 / 58)
        self.assertAlmostEqual(rates["automated_resolution_confirmed"], 12 / 58)
        self.assertAlmostEqual(rates["automated_resolution_assumed"], 15 / 58)
        self.assertAlmostEqual(rates["handoff_rate"], 19 / 58)
        self.assertAlmostEqual(rates["handoff_rate_by_reason"]["asked_for_person"], 10 / 58)
        self.assertAlmostEqual(rates["handoff_rate_by_reason"]["sensitive"], 5 / 58)
        self.assertAlmostEqual(rates["handoff_rate_by_reason"]["not_helpful"], 4 / 58)
        self.assertAlmostEqual(rates["abandonment"], 8 / 58)
        self.assertAlmostEqual(rates["false_resolution_estimate"], 3 / 27)
        self.assertAlmostEqual(rates["durable_resolution_7d"], 24 / 27)
        self.assertAlmostEqual(rates["csat_bot_response_rate"], 10 / 17)
        self.assertAlmostEqual(rates["csat_human_response_rate"], 5 / 8)
        # 12 x 60 s, then 120 s .. 260 s: rank 14 of 27 is 130 s, rank 25 is 240 s.
        self.assertEqual(s["time_to_resolution_bot_ms"], {"p50": 130000, "p90": 240000})
        self.assertEqual([(d["day"], d["conversations"], d["handoffs"], d["resolved_confirmed"],
                           d["resolved_assumed"], d["abandoned"]) for d in s["by_day"]],
                         [("2026-11-10", 12, 0, 12, 0, 0), ("2026-11-11", 15, 0, 0, 15, 0),
                          ("2026-11-12", 31, 19, 0, 0, 8)])
        intents = {row["intent"]: row for row in s["by_intent"]}
        self.assertEqual([row["intent"] for row in s["by_intent"]],
                         ["refund_status", "faq.support_hours", "human_agent",
                          "billing_dispute", "faq.interest"])
        self.assertEqual(intents["faq.support_hours"]["resolved_confirmed"], 12)
        self.assertEqual(intents["faq.support_hours"]["resolution_rate"], 1.0)
        self.assertEqual(intents["faq.support_hours"]["csat_bot"], 4.375)
        self.assertEqual(intents["refund_status"]["csat_bot"], 2.5)
        self.assertEqual(intents["refund_status"]["handoff_share"], 0.0)
        self.assertAlmostEqual(intents["human_agent"]["handoff_share"], 10 / 19)
        self.assertAlmostEqual(intents["billing_dispute"]["handoff_share"], 5 / 19)
        self.assertAlmostEqual(intents["faq.interest"]["handoff_share"], 4 / 19)
        self.assertEqual(intents["faq.interest"]["resolution_rate"], 0.0)

    def test_every_count_equals_its_drill_down(self):
        period = "since=2026-11-10&until=2026-11-13&tz=%2B02:00"
        s = self.summary(period)

        def count(query):
            return self.drill(period + "&" + query)["count"]

        for figure in ["conversations", "answered", "handoffs", "resolved_confirmed",
                       "resolved_assumed", "abandoned", "open", "repeat_contacts_1d",
                       "repeat_contacts_7d", "csat_bot_responses", "csat_bot_asked",
                       "csat_human_responses", "csat_human_asked"]:
            with self.subTest(figure=figure):
                self.assertEqual(count("figure=" + figure), s[figure])
        for reason, n in s["handoffs_by_reason"].items():
            self.assertEqual(count("figure=handoffs&reason=" + reason), n)
        for row in s["by_intent"]:
            self.assertEqual(count("figure=conversations&intent=" + row["intent"]),
                             row["conversations"])
            self.assertEqual(count("figure=handoffs&intent=" + row["intent"]), row["handoffs"])
        for row in s["by_day"]:
            for figure in ["conversations", "handoffs", "resolved_confirmed", "abandoned"]:
                self.assertEqual(count("figure=%s&day=%s" % (figure, row["day"])), row[figure])
        listed = self.drill(period + "&figure=handoffs&reason=sensitive")["conversations"]
        self.assertEqual({r["intent"] for r in listed}, {"billing_dispute"})
        self.assertEqual(self.desk.request(
            "GET", "/v1/agent/reports/conversations?figure=nonsense",
            headers={"Authorization": "Bearer " + AGENT_TOKEN}).status, 400)

    def drill(self, query):
        response = self.desk.request("GET", "/v1/agent/reports/conversations?" + query,
                                     headers={"Authorization": "Bearer " + AGENT_TOKEN})
        self.assertEqual(response.status, 200, response.body)
        return response.json()

    def test_exported_events_give_the_same_summary_offline(self):
        period = "since=2026-11-10&until=2026-11-13&tz=%2B02:00"
        exported = self.desk.request("GET", "/v1/agent/reports/events?" + period,
                                     headers={"Authorization": "Bearer " + AGENT_TOKEN})
        self.assertEqual(exported.status, 200, exported.body)
        document = exported.json()
        self.assertEqual(document["schema"], "tandem.events/1")
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump(document, f)
        try:
            offline = subprocess.run(
                [DESK_BIN, "report", f.name, "--since", "2026-11-10", "--until", "2026-11-13",
                 "--tz", "+02:00"], capture_output=True, text=True, check=True)
        finally:
            os.unlink(f.name)
        online = self.summary(period)
        del online["human_first_response_ms"]  # the desk's own handoffs, not events
        del online["time_to_resolution_human_ms"]
        self.assertEqual(json.loads(offline.stdout), online)
        bad = subprocess.run([DESK_BIN, "report", "/nonexistent.json"], capture_output=True,
                             text=True)
        self.assertEqual(bad.returncode, 1)
        self.assertIn("cannot read", bad.stderr)

    def test_days_follow_the_time_zone(self):
        s = self.summary("since=2026-11-09&until=2026-11-14&tz=UTC")
        self.assertEqual(s["conversations"], 60)
        self.assertEqual(s["abandoned"], 10)
        self.assertEqual([(d["day"], d["conversations"]) for d in s["by_day"]],
                         [("2026-11-09", 2), ("2026-11-10", 12), ("2026-11-11", 14),
                          ("2026-11-12", 32)])

    def test_instants_bound_the_period_half_open(self):
        s = self.summary("since=2026-11-09T22:00:00Z&until=2026-11-12T22:00:00.000Z")
        self.assertEqual(s["conversations"], 58)
        s = self.summary("since=2026-11-09T21:59:59.999Z&until=2026-11-12T22:00:00.001Z")
        self.assertEqual(s["conversations"], 60)
        # The 10th in -05:00 runs from 05:00Z on the 10th to 05:00Z on the 11th:
        # A1..A11 and B0, not A0.
        s = self.summary("since=2026-11-10&until=2026-11-11&tz=-05:00")
        self.assertEqual(s["conversations"], 12)
        self.assertEqual(s["by_day"], [{"day": "2026-11-10", "conversations": 12,
                                        "handoffs": 0, "resolved_confirmed": 11,
                                        "resolved_assumed": 1, "abandoned": 0}])

    def test_an_empty_period_has_null_rates(self):
        s = self.summary("since=2025-01-01&until=2025-01-02")
        self.assertEqual(s["conversations"], 0)
        self.assertIsNone(s["csat_bot"])
        self.assertIsNone(s["rates"]["containment"])
        self.assertEqual(s["handoffs_by_reason"], {})

    def test_knowledge_gaps_rank_signals_by_unresolved_share(self):
        response = self.desk.request(
            "GET", "/v1/agent/reports/gaps?since=2026-11-10&until=2026-11-13&tz=%2B02:00",
            headers={"Authorization": "Bearer " + AGENT_TOKEN})
        self.assertEqual(response.status, 200, response.body)
        gaps = response.json()["gaps"]
        # E: 4 low-confidence answers, 4 "no", 4 not_helpful handoffs (named by the
        # conversation's intent); F: 8 fallbacks nearest faq.gift_cards. All unresolved.
        self.assertEqual([(g["nearest"], g["signals"], g["conversations"], g["unresolved"],
                           g["score"]) for g in gaps],
                         [("faq.interest", 12, 4, 4, 12.0), ("faq.gift_cards", 8, 8, 8, 8.0)])
        self.assertEqual(gaps[0]["by_kind"], {"low_confidence_answer": 4, "not_helpful": 4,
                                              "handoff_not_helpful": 4})
        self.assertEqual(gaps[0]["questions"], [])
        self.assertEqual(gaps[1]["questions"], ["can I check a gift card balance?"])

    def test_bad_queries_and_missing_token(self):
        path = "/v1/agent/reports/summary?since=2026-11-10&until=2026-11-13"
        self.assertEqual(self.desk.request("GET", path).status, 401)
        self.assertEqual(self.desk.request("GET", path, headers={
            "Authorization": "Bearer wrong-token-0123456789"}).status, 403)
        for query in ["since=2026-11-13&until=2026-11-10", "since=yesterday",
                      "until=2026-13-01", "tz=Mars/Olympus", "tz=%2B25:00",
                      "since=2020-01-01&until=2026-01-01"]:
            with self.subTest(query=query):
                response = self.desk.request("GET", "/v1/agent/reports/summary?" + query,
                                             headers={"Authorization": "Bearer " + AGENT_TOKEN})
                self.assertEqual(response.status, 400, response.body)
                self.assertIn("error", response.json())


class NamedTimeZoneTest(DeskTestCase):
    """Europe/Paris leaves summer time at 03:00 on 2026-10-25 (+02:00 -> +01:00)."""

    def test_days_follow_the_zone_across_its_dst_change(self):
        starts = ["2026-10-23T22:30:00Z",  # 00:30 on the 24th, summer time
                  "2026-10-25T22:30:00Z",  # 23:30 on the 25th in winter time (+02:00 would say the 26th)
                  "2026-10-26T23:30:00Z"]  # 00:30 on the 27th: after until
        events = [{"id": "e_paris_%d" % i, "conversation": "v_paris_%d" % i,
                   "type": "conversation_started", "time": start, "origin": "organic"}
                  for i, start in enumerate(starts)]
        self.assertEqual(self.desk.request("POST", "/v1/events", {
            "schema": "tandem.events/1", "events": events}).status, 200)
        response = self.desk.request(
            "GET", "/v1/agent/reports/summary?since=2026-10-24&until=2026-10-27&tz=Europe/Paris",
            headers={"Authorization": "Bearer " + AGENT_TOKEN})
        self.assertEqual(response.status, 200, response.body)
        s = response.json()
        self.assertEqual((s["since"], s["until"], s["tz"]),
                         ("2026-10-24T00:00:00+02:00", "2026-10-27T00:00:00+01:00", "Europe/Paris"))
        self.assertEqual(s["conversations"], 2)
        self.assertEqual([(d["day"], d["conversations"]) for d in s["by_day"]],
                         [("2026-10-24", 1), ("2026-10-25", 1)])
        for bad in ["Mars/Olympus", "../../etc/passwd", "Europe/../../x"]:
            with self.subTest(tz=bad):
                self.assertEqual(self.desk.request(
                    "GET", "/v1/agent/reports/summary?tz=" + bad,
                    headers={"Authorization": "Bearer " + AGENT_TOKEN}).status, 400)


class HumanFirstResponseTest(DeskTestCase):
    """The desk's own handoffs: how long until an agent's first message."""

    def test_answered_and_waiting_handoffs_are_counted_and_bucketed(self):
        from desk_server import example_bundle
        ids = []
        for n in range(3):
            created = self.desk.handoff(example_bundle("h_first_response_%d" % n))
            self.assertEqual(created.status, 201, created.body)
            ids.append(created.json()["conversation_id"])
        for conversation in ids[:2]:
            for text in ("Hello, I am looking at it", "Done"):  # only the first counts
                self.assertEqual(self.desk.agent(
                    "POST", "/v1/agent/conversations/%s/messages" % conversation,
                    {"text": text}).status, 201)
        now = datetime.now(timezone.utc)
        query = "since=%s&until=%s" % (stamp(now - timedelta(hours=1)),
                                       stamp(now + timedelta(hours=1)))
        s = self.desk.request("GET", "/v1/agent/reports/summary?" + query,
                              headers={"Authorization": "Bearer " + AGENT_TOKEN}).json()
        figures = s["human_first_response_ms"]
        self.assertEqual((figures["handoffs_received"], figures["answered"], figures["waiting"]),
                         (3, 2, 1))
        self.assertEqual(figures["buckets"], {"under_1m": 2, "1m_5m": 0, "5m_15m": 0,
                                              "15m_1h": 0, "over_1h": 0})
        self.assertGreaterEqual(figures["p90"], figures["p50"])
        self.assertLess(figures["p90"], 60000)
