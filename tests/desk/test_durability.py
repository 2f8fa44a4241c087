"""Nothing acknowledged is ever lost: SIGKILL under concurrent POSTs, restart
on the same database, every bundle that got a 2xx is there exactly once."""

import threading
import time
import unittest

from desk_server import Desk, example_bundle

THREADS = 4
PER_THREAD = 100
KILL_AFTER = 150  # acknowledged bundles before the kill: mid-load, not at the end


class DurabilityTest(unittest.TestCase):
    def test_sigkill_under_load_loses_and_duplicates_nothing(self):
        desk = Desk().start()
        self.addCleanup(desk.close)
        acknowledged = {}  # bundle id -> conversation id
        lock = threading.Lock()
        enough = threading.Event()

        def client(worker):
            for i in range(PER_THREAD):
                bundle_id = f"h_load_{worker}_{i:04d}"
                try:
                    response = desk.handoff(example_bundle(bundle_id), {"Idempotency-Key": bundle_id})
                except OSError:
                    return  # the server is gone: this request has no answer
                if response.status in (200, 201):
                    with lock:
                        acknowledged[bundle_id] = response.json()["conversation_id"]
                        if len(acknowledged) >= KILL_AFTER:
                            enough.set()

        threads = [threading.Thread(target=client, args=(w,)) for w in range(THREADS)]
        for thread in threads:
            thread.start()
        self.assertTrue(enough.wait(60), "the desk acknowledged too few bundles")
        desk.kill()
        for thread in threads:
            thread.join()
        self.assertGreaterEqual(len(acknowledged), KILL_AFTER)
        self.assertLess(len(acknowledged), THREADS * PER_THREAD, "killed too late to test")

        # Straight from the file, as a fresh process would find it.
        rows = desk.query("SELECT bundle_id, id, COUNT(*) OVER (PARTITION BY bundle_id) "
                          "FROM conversations")
        stored = {bundle_id: conversation for bundle_id, conversation, _ in rows}
        self.assertEqual([r for r in rows if r[2] != 1], [])
        for bundle_id, conversation in acknowledged.items():
            self.assertEqual(stored.get(bundle_id), conversation, bundle_id)

        # The widget's outbox retries everything it holds after the restart.
        desk.start()
        statuses = {}
        for worker in range(THREADS):
            for i in range(PER_THREAD):
                bundle_id = f"h_load_{worker}_{i:04d}"
                response = desk.handoff(example_bundle(bundle_id))
                statuses[bundle_id] = response.status
                if bundle_id in stored:
                    self.assertEqual(response.status, 200, bundle_id)
                    self.assertEqual(response.json()["conversation_id"], stored[bundle_id])
                else:
                    self.assertEqual(response.status, 201, bundle_id)
        listed = desk.agent("GET", "/v1/agent/conversations?status=all").json()["conversations"]
        self.assertEqual(sorted(c["bundle_id"] for c in listed), sorted(statuses))
        self.assertEqual(desk.stop(), 0)


class RestartTest(unittest.TestCase):
    def test_conversation_and_tokens_survive_a_clean_restart(self):
        desk = Desk().start()
        self.addCleanup(desk.close)
        created = desk.handoff(example_bundle("h_restart_0001")).json()
        path = f"/v1/conversations/{created['conversation_id']}/messages"
        desk.agent("POST", f"/v1/agent/conversations/{created['conversation_id']}/messages",
                   {"text": "Back soon"})
        # A held long-poll must not delay shutdown.
        poll = threading.Thread(target=lambda: desk.customer(
            "GET", path + "?after=999&wait=25", created["customer_token"]))
        poll.start()
        time.sleep(0.3)
        started = time.monotonic()
        self.assertEqual(desk.stop(), 0)
        self.assertLess(time.monotonic() - started, 5)
        poll.join()
        desk.start()
        page = desk.customer("GET", path, created["customer_token"]).json()
        self.assertEqual([m["text"] for m in page["messages"]], ["Back soon"])


if __name__ == "__main__":
    unittest.main()
