"""Human time to resolution (issue 13), from the desk's own handoffs: from
receipt to an agent's resolve. Conversations the customer ended, still open,
or reopened after a resolve are not counted. A hand-computed fixture."""

import unittest
from datetime import datetime, timedelta, timezone

from desk_server import AGENT_TOKEN, DeskTestCase, example_bundle


def stamp(moment):
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace(
        "+00:00", "Z")


class HumanResolutionTest(DeskTestCase):
    def summary(self, since, until):
        query = "since=%s&until=%s" % (stamp(since), stamp(until))
        answer = self.desk.request("GET", "/v1/agent/reports/summary?" + query,
                                   headers={"Authorization": "Bearer " + AGENT_TOKEN})
        self.assertEqual(answer.status, 200, answer.body)
        return answer.json()["time_to_resolution_human_ms"]

    def test_a_hand_computed_fixture(self):
        maya = self.desk.sign_in("maya", self.desk.add_agent("maya", "Maya"))
        # key: (who resolves, ms after receipt); counted by hand below.
        plan = {"a": ("maya", 60000), "b": ("shared", 300000), "c": ("maya", 120000),
                "d": ("shared", 900000), "e": ("customer", 30000), "f": (None, None),
                "g": ("reopened", 45000)}
        ids, tokens = {}, {}
        for key in plan:
            created = self.desk.handoff(example_bundle("h_resolution_" + key)).json()
            ids[key], tokens[key] = created["conversation_id"], created["customer_token"]
        for key, (who, _) in plan.items():
            agent_path = "/v1/agent/conversations/%s/resolve" % ids[key]
            customer_path = "/v1/conversations/%s/" % ids[key]
            if who == "maya":
                self.assertEqual(self.desk.as_agent(maya, "POST", agent_path).status, 200)
            elif who in ("shared", "reopened"):
                self.assertEqual(self.desk.agent("POST", agent_path).status, 200)
            elif who == "customer":
                self.desk.customer("POST", customer_path + "end", tokens[key], {})
            if who == "reopened":
                self.desk.customer("POST", customer_path + "messages", tokens[key],
                                   {"text": "It is not fixed"})
        stored = dict(self.desk.query("SELECT id, resolved_by FROM conversations"))
        self.assertEqual([stored[ids[k]] for k in plan],
                         ["maya", "shared", "maya", "shared", "customer", None, None])
        # The desk stamped real times; the fixture's own clock replaces them.
        received = 1_790_000_000_000
        for key, (_, after) in plan.items():
            self.desk.query("UPDATE conversations SET received_ms = ? WHERE id = ?",
                            (received, ids[key]))
            if after is not None and stored[ids[key]] is not None:
                self.desk.query("UPDATE conversations SET resolved_ms = ? WHERE id = ?",
                                (received + after, ids[key]))
        instant = datetime.fromtimestamp(received / 1000, timezone.utc)
        # Resolved by agents: 60000, 120000, 300000, 900000 ms; nearest rank:
        # p50 the 2nd of 4, p90 the 4th.
        self.assertEqual(self.summary(instant - timedelta(hours=1), instant + timedelta(hours=1)),
                         {"handoffs_received": 7, "resolved_by_agent": 4,
                          "p50": 120000, "p90": 900000})
        self.assertEqual(self.summary(instant - timedelta(hours=3), instant - timedelta(hours=2)),
                         {"handoffs_received": 0, "resolved_by_agent": 0,
                          "p50": None, "p90": None})


if __name__ == "__main__":
    unittest.main()
