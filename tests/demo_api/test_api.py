"""lumenpay-api's contract (docs/actions.md): sign-in, the customer's next
instalment, orders and notices, each behind a token checked on every call."""

import datetime
import unittest

from api_server import Api, SITE, ada_claims, hs256_token


class ApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.api = Api().start()
        cls.token = cls.api.sign_in("ada@example.com")

    @classmethod
    def tearDownClass(cls):
        cls.api.close()

    def test_sign_in_answers_a_token_its_lifetime_and_the_customer(self):
        response = self.api.request("POST", "/v1/demo/sign-in", {"customer": "Grace@Example.com"})
        self.assertEqual(response.status, 200)
        body = response.json()
        self.assertEqual(body["expires_in"], 900)
        self.assertEqual(body["customer"], {"name": "Grace Hopper", "email": "grace@example.com"})
        self.assertEqual(body["token"].count("."), 2)

    def test_sign_in_refuses_unknown_customers_and_bad_bodies(self):
        unknown = self.api.request("POST", "/v1/demo/sign-in", {"customer": "eve@example.com"})
        self.assertEqual((unknown.status, unknown.json()["error"]), (404, "unknown_customer"))
        self.assertIn({"name": "Ada Lovelace", "email": "ada@example.com"},
                      unknown.json()["customers"])
        for body in ["{", "[]", '{"customer": 7}', '{"who": "ada@example.com"}']:
            response = self.api.request("POST", "/v1/demo/sign-in", body,
                                        {"Content-Type": "application/json"})
            self.assertEqual((response.status, response.json()["error"]), (400, "bad_request"), body)
        form = self.api.request("POST", "/v1/demo/sign-in", "customer=ada@example.com",
                                {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(form.status, 415)

    def test_next_instalment_is_the_customers_own_and_in_the_future(self):
        body = self.api.get("/v1/instalments/next", self.token).json()
        self.assertEqual((body["order_id"], body["amount"], body["currency"], body["status"]),
                         ("LP-000123", "45.20", "USD", "scheduled"))
        due = datetime.date.fromisoformat(body["due_date"])
        self.assertGreater(due, datetime.datetime.now(datetime.timezone.utc).date())
        self.assertEqual((body["instalment_number"], body["instalments_total"]), (2, 4))

    def test_overdue_and_none(self):
        grace = self.api.get("/v1/instalments/next", self.api.sign_in("grace@example.com")).json()
        self.assertEqual((grace["order_id"], grace["amount"], grace["status"]),
                         ("LP-000201", "12.50", "overdue"))
        alan = self.api.get("/v1/instalments/next", self.api.sign_in("alan@example.com")).json()
        self.assertEqual(alan["status"], "none")
        self.assertIsNone(alan["amount"])

    def test_order_has_the_shipment_and_extra_fields(self):
        response = self.api.get("/v1/orders/LP-000124", self.token)
        self.assertEqual(response.status, 200)
        body = response.json()
        self.assertEqual((body["order_id"], body["shop"], body["status"], body["carrier"],
                          body["tracking_status"]),
                         ("LP-000124", "Harbor Books", "delayed", "SwiftPost", "held_at_depot"))
        datetime.date.fromisoformat(body["eta"])
        self.assertIn("internal_risk_score", body)
        self.assertEqual(self.api.get("/v1/orders/LP-000123", self.token).json()["status"],
                         "shipped")

    def test_another_customers_order_and_unknown_ids_are_not_found(self):
        for order_id in ["LP-000210", "LP-999999", "LP-000500", "x", "%00", "LP-000123%27--"]:
            response = self.api.get("/v1/orders/" + order_id, self.token)
            self.assertEqual((response.status, response.json()), (404, {"error": "not_found"}),
                             order_id)

    def test_notices_belong_to_the_customer(self):
        notices = self.api.get("/v1/notices", self.token).json()["notices"]
        self.assertEqual([n["id"] for n in notices],
                         ["ntc_ada_delay", "ntc_ada_instalment", "ntc_ada_refund"])
        delay = notices[0]
        self.assertEqual((delay["kind"], delay["order_id"]), ("shipment_delayed", "LP-000124"))
        self.assertTrue(delay["title"] and delay["text"])
        alan = self.api.get("/v1/notices", self.api.sign_in("alan@example.com")).json()
        self.assertEqual(alan, {"notices": []})

    def test_every_customer_route_needs_a_valid_token(self):
        forged_none = hs256_token(ada_claims(), header={"alg": "none", "typ": "JWT"})
        unsigned = forged_none.rsplit(".", 1)[0] + "."
        tampered = self.token[:-2] + ("AA" if not self.token.endswith("AA") else "BB")
        bad = [None, "", "abc", unsigned, forged_none, tampered,
               hs256_token(ada_claims(), secret="another-secret-0123456789abcdef"),
               hs256_token(ada_claims(), header={"alg": "HS512", "typ": "JWT"}),
               hs256_token(ada_claims(-5)),
               hs256_token({**ada_claims(), "iss": "someone-else"}),
               hs256_token({**ada_claims(), "sub": "cus_nobody"}),
               "\u00e9t\u00e9.x.y"]
        for path in ["/v1/instalments/next", "/v1/orders/LP-000123", "/v1/notices"]:
            for token in bad:
                response = self.api.get(path, token)
                self.assertEqual((response.status, response.json()), (401, {"error": "unauthorized"}),
                                 (path, token))
                self.assertEqual(response.headers.get("www-authenticate"), "Bearer")

    def test_a_token_signed_elsewhere_with_the_secret_is_accepted(self):
        # What docs/actions.md shows a company doing in Python.
        response = self.api.get("/v1/notices", hs256_token(ada_claims()))
        self.assertEqual(response.status, 200)

    def test_the_scheme_is_case_insensitive_and_other_schemes_refused(self):
        for scheme in ["bearer", "BEARER", "Bearer"]:
            response = self.api.get("/v1/notices", headers={"Authorization": scheme + " " + self.token})
            self.assertEqual(response.status, 200, scheme)
        basic = self.api.get("/v1/notices", headers={"Authorization": "Basic " + self.token})
        self.assertEqual(basic.status, 401)

    def test_cors_for_the_allowed_site_only(self):
        preflight = self.api.request("OPTIONS", "/v1/orders/LP-000123", headers={
            "Origin": SITE, "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization"})
        self.assertEqual(preflight.status, 204)
        self.assertEqual(preflight.headers["access-control-allow-origin"], SITE)
        self.assertIn("Authorization", preflight.headers["access-control-allow-headers"])
        call = self.api.get("/v1/notices", self.token, headers={"Origin": SITE})
        self.assertEqual(call.headers["access-control-allow-origin"], SITE)
        # A 401 is readable by the page too, so the widget can ask for a new token.
        refused = self.api.get("/v1/notices", headers={"Origin": SITE})
        self.assertEqual((refused.status, refused.headers["access-control-allow-origin"]),
                         (401, SITE))
        other = self.api.get("/v1/notices", self.token, headers={"Origin": "https://evil.example"})
        self.assertEqual((other.status, other.json()["error"]), (403, "origin_not_allowed"))
        self.assertNotIn("access-control-allow-origin", other.headers)

    def test_unknown_routes_and_oversized_bodies_get_json_errors(self):
        missing = self.api.get("/v1/nothing", self.token)
        self.assertEqual((missing.status, missing.json()["error"]), (404, "not_found"))
        big = self.api.request("POST", "/v1/demo/sign-in", "{" + " " * 10000 + "}",
                               {"Content-Type": "application/json"})
        self.assertEqual((big.status, big.json()["error"]), (413, "request_too_large"))
        self.assertEqual(self.api.get("/v1/notices", self.token).status, 200)

    def test_without_faults_the_fault_orders_are_just_not_found(self):
        for order_id in ["LP-000500", "LP-000504", "LP-000777"]:
            self.assertEqual(self.api.get("/v1/orders/" + order_id, self.token).status, 404)


if __name__ == "__main__":
    unittest.main()
