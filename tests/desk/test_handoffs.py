"""POST /v1/handoffs: acceptance, idempotency and every class of bad input."""

import glob
import hashlib
import json
import os
import unittest
import uuid

from desk_server import BUNDLES_DIR, Desk, DeskTestCase, SITE, example_bundle


def new_id():
    return "h_" + uuid.uuid4().hex


class HandoffTest(DeskTestCase):
    def assert_error(self, response, status):
        self.assertEqual(response.status, status, response.body)
        self.assertEqual(response.headers["Content-Type"], "application/json")
        self.assertIsInstance(response.json()["error"], str)
        self.assertTrue(response.json()["error"])

    def test_new_bundle_is_created_with_a_conversation_and_a_customer_token(self):
        response = self.desk.handoff(example_bundle(new_id()))
        self.assertEqual(response.status, 201, response.body)
        body = response.json()
        self.assertRegex(body["conversation_id"], r"^c_[0-9a-f]{24}$")
        self.assertRegex(body["customer_token"], r"^[0-9a-f]{64}$")

    def test_tokens_are_stored_only_as_sha256(self):
        tokens = [self.desk.handoff(example_bundle(new_id())).json()["customer_token"]
                  for _ in range(3)]
        stored = {row[0] for row in self.desk.query("SELECT token_sha256 FROM customer_tokens")}
        bundles = self.desk.query("SELECT bundle, bundle_sha256 FROM conversations")
        for token in tokens:
            self.assertIn(hashlib.sha256(token.encode()).hexdigest(), stored)
            self.assertNotIn(token, stored)
        # Bundles of every length exercise the digest's padding paths.
        for bundle, digest in bundles:
            self.assertEqual(hashlib.sha256(bundle.encode()).hexdigest(), digest)

    def test_same_bundle_again_returns_200_the_same_conversation_and_a_working_token(self):
        bundle = example_bundle(new_id())
        first = self.desk.handoff(bundle, {"Idempotency-Key": bundle["id"]}).json()
        again = self.desk.handoff(bundle, {"Idempotency-Key": bundle["id"]})
        self.assertEqual(again.status, 200)
        self.assertEqual(again.json()["conversation_id"], first["conversation_id"])
        self.assertNotEqual(again.json()["customer_token"], first["customer_token"])
        path = f"/v1/conversations/{first['conversation_id']}/messages"
        for token in (first["customer_token"], again.json()["customer_token"]):
            self.assertEqual(self.desk.customer("GET", path, token).status, 200)
        listed = self.desk.agent("GET", "/v1/agent/conversations?status=all").json()
        self.assertEqual([c["bundle_id"] for c in listed["conversations"]].count(bundle["id"]), 1)

    def test_reformatted_retry_counts_as_the_same_bundle(self):
        bundle = example_bundle(new_id())
        first = self.desk.handoff(bundle).json()
        pretty = json.dumps(bundle, indent=4, sort_keys=True)
        again = self.desk.handoff(pretty, {"Content-Type": "application/json; charset=utf-8"})
        self.assertEqual(again.status, 200)
        self.assertEqual(again.json()["conversation_id"], first["conversation_id"])

    def test_different_bundle_under_a_known_id_is_a_conflict(self):
        bundle = example_bundle(new_id())
        self.assertEqual(self.desk.handoff(bundle).status, 201)
        bundle["summary"] = "Someone else's conversation"
        self.assert_error(self.desk.handoff(bundle), 409)

    def test_every_invalid_bundle_is_refused_with_422(self):
        files = sorted(glob.glob(os.path.join(BUNDLES_DIR, "invalid", "*.json")))
        self.assertGreaterEqual(len(files), 20)
        for path in files:
            with self.subTest(os.path.basename(path)):
                with open(path, "rb") as f:
                    response = self.desk.handoff(f.read(), {"Content-Type": "application/json"})
                self.assert_error(response, 422)
                self.assertTrue(response.json()["error"].startswith("bundle"))

    def test_error_names_the_offending_field(self):
        bundle = example_bundle(new_id())
        bundle["transcript"][3]["confidence"] = 2
        response = self.desk.handoff(bundle)
        self.assert_error(response, 422)
        self.assertIn("bundle.transcript[3].confidence", response.json()["error"])

    def test_missing_details_with_their_reasons_are_accepted(self):
        bundle = example_bundle(new_id())
        bundle["missing"] = [{"detail": "email", "why": "refused"},
                             {"detail": "phone", "why": "not_given"},
                             {"detail": "date", "why": "not_asked"}]
        self.assertEqual(self.desk.handoff(bundle).status, 201)
        bundle = example_bundle(new_id())
        bundle["missing"] = [{"detail": "email", "why": "refused", "note": "x"}]
        self.assert_error(self.desk.handoff(bundle), 422)

    def test_action_calls_on_bot_turns_are_accepted_and_checked(self):
        bundle = example_bundle(new_id())
        call = {"action": "order_lookup", "inputs": {"order_id": "LP-48213"},
                "outcome": "timeout", "latency_ms": 4001}
        bundle["transcript"][1]["call"] = call
        self.assertEqual(self.desk.handoff(bundle).status, 201)
        for broken, field in [({**call, "outcome": "exploded"}, "outcome"),
                              ({**call, "inputs": {"password": "x"}}, "inputs.password"),
                              ({**call, "latency_ms": -1}, "latency_ms"),
                              ({**call, "token": "eyJ"}, "token")]:
            with self.subTest(field):
                bundle = example_bundle(new_id())
                bundle["transcript"][1]["call"] = broken
                response = self.desk.handoff(bundle)
                self.assert_error(response, 422)
                self.assertIn("bundle.transcript[1].call." + field, response.json()["error"])

    def test_schema_edge_values_are_accepted(self):
        bundle = example_bundle("A" * 64)
        bundle.update(created_at="2025-11-25t15:03:41+01:00", summary="s" * 200, customer={},
                      details={}, answers_tried=[], redactions=[], page={})
        bundle["intent"].update(candidates=[], category="", queue="", priority="urgent")
        bundle["transcript"][0]["text"] = "é" * 4000  # characters, not bytes, are bounded
        bundle["transcript"][1]["confidence"] = 1.0
        bundle["redactions"] = [{"kind": "iban", "count": 2.0}]  # draft-07: 2.0 is an integer
        response = self.desk.handoff(bundle)
        self.assertEqual(response.status, 201, response.body)

    def test_bad_json_is_400(self):
        for body in ("{", '{"id": "abc",}', "", "\xff\xfe", "[1, 2"):
            with self.subTest(body=body):
                response = self.desk.handoff(body, {"Content-Type": "application/json"})
                self.assert_error(response, 400)

    def test_wrong_or_missing_content_type_is_415(self):
        body = json.dumps(example_bundle(new_id()))
        for headers in ({"Content-Type": "text/plain"},
                        {"Content-Type": "application/x-www-form-urlencoded"}, {}):
            with self.subTest(headers=headers):
                self.assert_error(self.desk.handoff(body, headers), 415)

    def test_oversize_body_is_413(self):
        bundle = example_bundle(new_id())
        # Each turn is within the schema; together they pass 256 KB.
        bundle["transcript"] = [dict(bundle["transcript"][0], text="x" * 3000)] * 100
        body = json.dumps(bundle)
        self.assertGreater(len(body), 262144)
        self.assert_error(self.desk.handoff(body, {"Content-Type": "application/json"}), 413)

    def test_idempotency_key_must_match_the_bundle_id(self):
        bundle = example_bundle(new_id())
        self.assert_error(self.desk.handoff(bundle, {"Idempotency-Key": new_id()}), 400)

    def test_allowed_origin_gets_cors_headers_and_preflight(self):
        bundle = example_bundle(new_id())
        response = self.desk.handoff(bundle, {"Origin": SITE})
        self.assertEqual(response.status, 201)
        self.assertEqual(response.headers["Access-Control-Allow-Origin"], SITE)
        preflight = self.desk.request("OPTIONS", "/v1/handoffs", headers={
            "Origin": SITE, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, idempotency-key"})
        self.assertEqual(preflight.status, 204)
        self.assertEqual(preflight.headers["Access-Control-Allow-Origin"], SITE)
        self.assertIn("POST", preflight.headers["Access-Control-Allow-Methods"])
        self.assertIn("Idempotency-Key", preflight.headers["Access-Control-Allow-Headers"])
        # Errors carry the header too, so the widget can read why it was refused.
        refused = self.desk.handoff("{", {"Origin": SITE, "Content-Type": "application/json"})
        self.assert_error(refused, 400)
        self.assertEqual(refused.headers["Access-Control-Allow-Origin"], SITE)

    def test_foreign_origin_is_403_and_stores_nothing(self):
        bundle = example_bundle(new_id())
        for origin in ("https://evil.example", SITE + ".evil.example", "http://shop.example.com"):
            with self.subTest(origin=origin):
                response = self.desk.handoff(bundle, {"Origin": origin})
                self.assert_error(response, 403)
                self.assertNotIn("Access-Control-Allow-Origin", response.headers)
                preflight = self.desk.request("OPTIONS", "/v1/handoffs", headers={
                    "Origin": origin, "Access-Control-Request-Method": "POST"})
                self.assert_error(preflight, 403)
        self.assertEqual(self.desk.handoff(bundle).status, 201)

    def test_unknown_route_and_method_are_json_errors(self):
        self.assert_error(self.desk.request("GET", "/v1/nothing"), 404)
        self.assert_error(self.desk.request("GET", "/v1/handoffs"), 404)


if __name__ == "__main__":
    unittest.main()
