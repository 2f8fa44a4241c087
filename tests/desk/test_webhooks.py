"""Signed webhooks (docs/desk.md "Webhooks"): the desk queues an event in the
transaction of each change and POSTs it, signed, to a real receiver on
127.0.0.1 that the tests run; retried with backoff on 5xx, 408, 429 and no
answer, given up on other 4xx or after the last attempt; what was pending when
the desk died is delivered after a restart; two instances on one PostgreSQL
never send one event twice."""

import collections
import hashlib
import hmac
import json
import os
import socket
import subprocess
import tempfile
import threading
import time
import unittest
import uuid
import ssl
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from desk_server import AGENT_TOKEN, DESK_BIN, POSTGRES, Desk, example_bundle

SECRET = "whsec-test-0123456789abcdef"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver:
    """A company's webhook endpoint: keeps every request it gets, and answers
    with status(path, n) for the n-th request (from 1) on that path."""

    def __init__(self, port=0, status=lambda path, n: 200, delay=0.0, tls=None):
        self.status = status
        self.requests = []
        self._counts = collections.Counter()
        self._lock = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver._lock:
                    receiver._counts[self.path] += 1
                    code = receiver.status(self.path, receiver._counts[self.path])
                    receiver.requests.append(
                        {"path": self.path, "headers": dict(self.headers), "body": body,
                         "status": code})
                    receiver._lock.notify_all()
                if delay:
                    time.sleep(delay)
                self.send_response(code)
                if code != 204:
                    self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.scheme = "http"
        if tls:  # (certificate file, key file)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
            self.scheme = "https"
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path="/hooks"):
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def delivered(self):
        """The bodies answered with 2xx, parsed, in the order they came."""
        with self._lock:
            return [json.loads(r["body"]) for r in self.requests if 200 <= r["status"] < 300]

    def wait_for(self, count, timeout=30, accepted=True):
        """Waits until count requests (accepted: answered 2xx) came."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                got = [r for r in self.requests if not accepted or 200 <= r["status"] < 300]
                if len(got) >= count:
                    return got
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(got)} of {count} webhooks after {timeout} s")
                self._lock.wait(left)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def verify(test, request, secret=SECRET):
    """Checks a delivery as docs/desk.md tells a receiver to."""
    headers = request["headers"]
    timestamp = headers["Tandem-Webhook-Timestamp"]
    expected = "v1=" + hmac.new(secret.encode(), timestamp.encode() + b"." + request["body"],
                                hashlib.sha256).hexdigest()
    test.assertTrue(hmac.compare_digest(headers["Tandem-Webhook-Signature"], expected))
    test.assertLess(abs(time.time() - int(timestamp)), 300)
    test.assertEqual(headers["Content-Type"], "application/json")
    event = json.loads(request["body"])
    test.assertEqual(headers["Tandem-Webhook-Id"], event["id"])
    return event


class WebhookDesk(Desk):
    """A desk whose webhooks go to urls, signed with SECRET from a file."""

    def __init__(self, urls, *extra_args, share_with=None, secret=SECRET, env=None):
        self._env = env
        self._secret_dir = tempfile.TemporaryDirectory()
        secret_file = os.path.join(self._secret_dir.name, "webhook-secret")
        with open(secret_file, "w", encoding="utf-8") as f:
            f.write(secret + "\n")
        args = []
        for url in urls:
            args += ["--webhook", url]
        super().__init__(*args, "--webhook-secret-file", secret_file, *extra_args,
                         share_with=share_with)

    def environment(self):
        return {**os.environ, **self._env} if self._env else None

    def close(self):
        super().close()
        self._secret_dir.cleanup()

    def rows(self):
        return self.query("SELECT event_id, target, state, attempts, last_status, last_error "
                          "FROM webhook_deliveries ORDER BY id")

    def wait_for_rows(self, test, timeout=30):
        """Waits until test(rows) holds for the queue's rows."""
        deadline = time.monotonic() + timeout
        while True:
            rows = self.rows()
            if rows and test(rows):
                return rows
            if time.monotonic() > deadline:
                raise AssertionError(f"queue never reached the state: {rows}")
            time.sleep(0.05)


def new_conversation(desk):
    created = desk.handoff(example_bundle("h_" + uuid.uuid4().hex))
    assert created.status == 201, created.body
    body = created.json()
    return body["conversation_id"], body["customer_token"]


class WebhookTestCase(unittest.TestCase):
    def receiver(self, **kwargs):
        receiver = Receiver(**kwargs)
        self.addCleanup(receiver.close)
        return receiver

    def desk(self, urls, *args, **kwargs):
        desk = WebhookDesk(urls, *args, **kwargs).start()
        self.addCleanup(desk.close)
        return desk


class SignedEventsTest(WebhookTestCase):
    def test_each_change_arrives_signed_in_order_without_the_customer_token(self):
        receiver = self.receiver()
        desk = self.desk([receiver.url("/hooks?source=tandem")])
        conversation, token = new_conversation(desk)
        messages = f"/v1/conversations/{conversation}/messages"
        agent = f"/v1/agent/conversations/{conversation}"
        self.assertEqual(desk.customer("POST", messages, token, {"text": "still there?"}).status,
                         201)
        self.assertEqual(desk.agent("POST", agent + "/messages", {"text": "Yes, Ana here"}).status,
                         201)
        self.assertEqual(desk.agent("POST", agent + "/resolve").status, 200)
        # Resolved again: nothing changed, nothing to tell.
        self.assertEqual(desk.agent("POST", agent + "/resolve").status, 200)
        self.assertEqual(desk.customer("POST", messages, token, {"text": "one more"}).status, 201)

        requests = receiver.wait_for(6)
        events = [verify(self, r) for r in requests]
        self.assertEqual([e["type"] for e in events],
                         ["handoff.created", "message.customer", "message.agent",
                          "conversation.resolved", "conversation.reopened", "message.customer"])
        for request, event in zip(requests, events):
            self.assertEqual(request["path"], "/hooks?source=tandem")
            self.assertEqual(event["schema"], "tandem.webhook/1")
            self.assertEqual(event["conversation_id"], conversation)
            self.assertRegex(event["created_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
            self.assertNotIn(token.encode(), request["body"])
            self.assertNotIn(token, json.dumps(request["headers"]))
        self.assertEqual(len({e["id"] for e in events}), 6)
        self.assertEqual(events[0]["data"]["bundle"]["id"], desk.query(
            "SELECT bundle_id FROM conversations WHERE id = ?", (conversation,))[0][0])
        self.assertEqual(events[1]["data"]["message"]["text"], "still there?")
        self.assertEqual(events[1]["data"]["message"]["role"], "customer")
        self.assertEqual(events[2]["data"]["message"]["text"], "Yes, Ana here")
        self.assertEqual(events[3]["data"], {"status": "resolved"})
        self.assertEqual(events[4]["data"], {"status": "open"})
        self.assertEqual([e["data"]["message"]["id"] for e in (events[1], events[2], events[5])],
                         [1, 2, 3])
        rows = desk.wait_for_rows(lambda rows: all(r[2] == "delivered" for r in rows))
        self.assertEqual([(r[3], r[4]) for r in rows], [(1, 200)] * 6)

    def test_a_204_without_a_body_is_delivered(self):
        receiver = self.receiver(status=lambda path, n: 204)
        desk = self.desk([receiver.url()])
        new_conversation(desk)
        [row] = desk.wait_for_rows(lambda rows: rows[0][2] != "pending")
        self.assertEqual(row[2:5], ("delivered", 1, 204))

    def test_a_repeated_bundle_is_one_event(self):
        receiver = self.receiver()
        desk = self.desk([receiver.url()])
        bundle = example_bundle("h_" + uuid.uuid4().hex)
        self.assertEqual(desk.handoff(bundle).status, 201)
        self.assertEqual(desk.handoff(bundle).status, 200)
        receiver.wait_for(1)
        time.sleep(0.5)
        self.assertEqual(len(receiver.requests), 1)

    def test_without_webhooks_nothing_is_queued(self):
        desk = Desk().start()
        self.addCleanup(desk.close)
        new_conversation(desk)
        self.assertEqual(desk.query("SELECT COUNT(*) FROM webhook_deliveries"), [(0,)])


class RetryTest(WebhookTestCase):
    def test_a_receiver_down_then_up_gets_every_event_after_retries(self):
        port = free_port()  # nobody listens here yet
        desk = self.desk([f"http://127.0.0.1:{port}/hooks"], "--webhook-backoff-ms", "100",
                         "--webhook-attempts", "40")
        conversations = [new_conversation(desk)[0] for _ in range(3)]
        desk.wait_for_rows(lambda rows: len(rows) == 3 and all(r[3] >= 2 for r in rows))
        self.assertTrue(all(r[2] == "pending" and r[4] is None and r[5] for r in desk.rows()))
        receiver = self.receiver(port=port)
        events = [verify(self, r) for r in receiver.wait_for(3)]
        self.assertEqual(sorted(e["conversation_id"] for e in events), sorted(conversations))
        rows = desk.wait_for_rows(lambda rows: all(r[2] == "delivered" for r in rows))
        # An attempt is counted as it starts: the second may be the one in
        # flight when the receiver came up, so a failure then a success is >= 2.
        self.assertTrue(all(r[3] >= 2 for r in rows), rows)

    def test_4xx_gives_up_at_once_while_408_429_and_5xx_are_retried(self):
        busy = {1: 429, 2: 503, 3: 408}
        receiver = self.receiver(
            status=lambda path, n: 410 if path == "/gone" else busy.get(n, 200))
        desk = self.desk([receiver.url("/gone"), receiver.url("/busy")],
                         "--webhook-backoff-ms", "50")
        new_conversation(desk)
        rows = desk.wait_for_rows(
            lambda rows: len(rows) == 2 and all(r[2] != "pending" for r in rows))
        by_target = {r[1]: r for r in rows}
        gone, busy_row = by_target[receiver.url("/gone")], by_target[receiver.url("/busy")]
        self.assertEqual(gone[2:5], ("failed", 1, 410))
        self.assertIn("not retried", gone[5])
        self.assertEqual(busy_row[2:5], ("delivered", 4, 200))
        self.assertEqual([r["status"] for r in receiver.requests if r["path"] == "/busy"],
                         [429, 503, 408, 200])
        self.assertEqual(len({r["headers"]["Tandem-Webhook-Id"] for r in receiver.requests}), 1)
        time.sleep(0.5)  # no second try of the 410
        self.assertEqual(sum(r["path"] == "/gone" for r in receiver.requests), 1)

    def test_after_the_last_attempt_it_gives_up_and_the_next_event_still_goes(self):
        answer = {"status": 503}
        receiver = self.receiver(status=lambda path, n: answer["status"])
        desk = self.desk([receiver.url()], "--webhook-attempts", "3",
                         "--webhook-backoff-ms", "50")
        conversation, token = new_conversation(desk)
        [row] = desk.wait_for_rows(lambda rows: rows[0][2] == "failed")
        self.assertEqual(row[2:5], ("failed", 3, 503))
        self.assertIn("gave up after 3 attempts", row[5])
        self.assertEqual(len(receiver.wait_for(3, accepted=False)), 3)
        # The given-up event stays for inspection and holds up nothing.
        answer["status"] = 200
        desk.customer("POST", f"/v1/conversations/{conversation}/messages", token,
                      {"text": "hello?"})
        [event] = [verify(self, r) for r in receiver.wait_for(1)]
        self.assertEqual(event["type"], "message.customer")
        desk.wait_for_rows(lambda rows: [r[2] for r in rows] == ["failed", "delivered"])

    def test_a_desk_killed_mid_queue_delivers_what_was_pending_after_a_restart(self):
        answer = {"status": 503}
        receiver = self.receiver(status=lambda path, n: answer["status"])
        desk = self.desk([receiver.url()], "--webhook-backoff-ms", "200",
                         "--webhook-attempts", "50")
        conversations = {new_conversation(desk)[0] for _ in range(5)}
        desk.wait_for_rows(lambda rows: len(rows) == 5 and all(r[3] >= 1 for r in rows))
        desk.kill()
        answer["status"] = 200
        desk.start()
        events = [verify(self, r) for r in receiver.wait_for(5, timeout=90)]
        self.assertEqual({e["conversation_id"] for e in events}, conversations)
        self.assertEqual(len({e["id"] for e in events}), 5)


class TlsTest(WebhookTestCase):
    def test_https_receivers_are_checked_against_the_trusted_authorities(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        cert, key = os.path.join(tmp.name, "cert.pem"), os.path.join(tmp.name, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", key, "-out", cert], check=True, capture_output=True)
        receiver = self.receiver(tls=(cert, key))
        # A certificate nobody vouches for: not delivered, kept for a retry.
        untrusted = self.desk([receiver.url()], "--webhook-backoff-ms", "60000")
        new_conversation(untrusted)
        [row] = untrusted.wait_for_rows(lambda rows: rows[0][3] == 1 and rows[0][5])
        self.assertEqual(row[2], "pending")
        self.assertIn("TLS failed", row[5])
        self.assertEqual(receiver.delivered(), [])
        # The same certificate trusted (OpenSSL's SSL_CERT_FILE): delivered.
        trusted = self.desk([receiver.url()], env={"SSL_CERT_FILE": cert})
        conversation, _ = new_conversation(trusted)
        [event] = [verify(self, r) for r in receiver.wait_for(1)]
        self.assertEqual(event["conversation_id"], conversation)


class StartupTest(unittest.TestCase):
    def run_desk(self, *args, secret=SECRET):
        with tempfile.TemporaryDirectory() as tmp:
            secret_file = os.path.join(tmp, "secret")
            with open(secret_file, "w", encoding="utf-8") as f:
                f.write(secret)
            args = [a.replace("SECRET_FILE", secret_file) for a in args]
            return subprocess.run(
                [DESK_BIN, "--db", os.path.join(tmp, "desk.db"), "--port", "0",
                 "--agent-token", AGENT_TOKEN, *args],
                capture_output=True, text=True, timeout=30)

    def test_hostile_or_malformed_urls_stop_the_desk_with_a_clear_error(self):
        for url in ["file:///etc/passwd", "ftp://example.com/", "javascript:alert(1)",
                    "http://user:pw@example.com/", "http://example.com@evil.test/",
                    "http://exa mple.com/", "http://example.com/a b", "http://example.com\\@x/",
                    "http://example.com:0/", "http://example.com:99999/", "http:///path",
                    "http://[::1/", "http://example.com/#frag", "http://example.com/%zz",
                    "http://-bad-.example/", "http://example.com/\r\nX-Injected: 1",
                    "http://exämple.com/", "https://" + "a" * 3000 + ".com/"]:
            with self.subTest(url=url[:60]):
                result = self.run_desk("--webhook", url, "--webhook-secret-file", "SECRET_FILE")
                self.assertEqual(result.returncode, 2, result.stderr)
                self.assertIn("--webhook", result.stderr)
                self.assertNotIn("listening", result.stdout)

    def test_the_secret_comes_from_a_file_and_must_be_long_enough(self):
        url = "http://127.0.0.1:9/hooks"
        missing = self.run_desk("--webhook", url)
        self.assertEqual(missing.returncode, 2)
        self.assertIn("--webhook-secret-file", missing.stderr)
        unreadable = self.run_desk("--webhook", url, "--webhook-secret-file", "/nonexistent/s")
        self.assertEqual(unreadable.returncode, 2)
        self.assertIn("cannot be read", unreadable.stderr)
        short = self.run_desk("--webhook", url, "--webhook-secret-file", "SECRET_FILE",
                              secret="short")
        self.assertEqual(short.returncode, 2)
        self.assertIn("at least 16 characters", short.stderr)
        twice = self.run_desk("--webhook", url, "--webhook", url, "--webhook-secret-file",
                              "SECRET_FILE")
        self.assertEqual(twice.returncode, 2)
        self.assertIn("given twice", twice.stderr)


@unittest.skipUnless(POSTGRES, "several desk instances share a PostgreSQL database")
class InstancesTest(WebhookTestCase):
    def test_two_instances_send_each_event_once_and_each_conversation_in_order(self):
        receiver = self.receiver(delay=0.002)
        a = self.desk([receiver.url()])
        b = self.desk([receiver.url()], share_with=a)
        conversations, errors = [], []

        def client(index):
            try:
                for i in range(25):
                    first, second = (a, b) if (index + i) % 2 else (b, a)
                    conversation, token = new_conversation(first)
                    path = f"/v1/conversations/{conversation}/messages"
                    for text in ("one", "two"):
                        reply = second.customer("POST", path, token, {"text": text})
                        assert reply.status == 201, reply.body
                    conversations.append(conversation)
            except Exception as error:  # noqa: BLE001 (reported below)
                errors.append(error)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(errors, [])
        expected = 3 * len(conversations)
        receiver.wait_for(expected, timeout=120)
        time.sleep(1)  # a second send, if there were one, would come now
        events = receiver.delivered()
        counts = collections.Counter(e["id"] for e in events)
        self.assertEqual(len(events), expected)
        self.assertEqual([i for i, n in counts.items() if n > 1], [])
        by_conversation = collections.defaultdict(list)
        for event in events:
            data = event["data"]
            by_conversation[event["conversation_id"]].append(
                data["message"]["text"] if "message" in data else event["type"])
        self.assertEqual(set(by_conversation), set(conversations))
        for sequence in by_conversation.values():
            self.assertEqual(sequence, ["handoff.created", "one", "two"])


if __name__ == "__main__":
    unittest.main()
