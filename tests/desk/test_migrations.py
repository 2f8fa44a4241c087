"""The schema is versioned (schema_version): a database made by an older
desk is brought up to date in place, keeping its conversations, and desks
starting together on one PostgreSQL migrate it once."""

import tempfile
import threading
import unittest
import uuid

from desk_server import POSTGRES, Desk, example_bundle


class MigrationTest(unittest.TestCase):
    def test_the_schema_version_is_recorded_once_per_step(self):
        desk = Desk().start()
        self.addCleanup(desk.close)
        versions = [row[0] for row in desk.query("SELECT version FROM schema_version")]
        self.assertEqual(versions, [1, 4, 5] if POSTGRES else [1, 2, 3, 4, 5])
        desk.stop()
        desk.start()
        self.assertEqual([row[0] for row in desk.query("SELECT version FROM schema_version")],
                         versions)

    @unittest.skipIf(POSTGRES, "the file of an older desk is SQLite")
    def test_a_database_from_before_versions_keeps_conversations_and_cursors(self):
        with tempfile.TemporaryDirectory() as db_dir:
            first = Desk(db_dir=db_dir).start()
            created = first.handoff(example_bundle("h_" + uuid.uuid4().hex)).json()
            conversation, token = created["conversation_id"], created["customer_token"]
            # Two conversations' messages interleave: global ids 1, 2, 3.
            other = first.handoff(example_bundle("h_" + uuid.uuid4().hex)).json()
            for target, text in ((conversation, "one"), (other["conversation_id"], "x"),
                                 (conversation, "two")):
                first.agent("POST", f"/v1/agent/conversations/{target}/messages", {"text": text})
            first.close()
            # The schema as the first desk made it: no seen_ms, no message
            # numbers, no agents, no schema_version, no webhook queue.
            for table in ("agents", "agent_sessions", "notes", "audit"):
                first.query(f"DROP TABLE {table}")
            for column in ("assignee", "resolved_ms", "resolved_by"):
                first.query(f"ALTER TABLE conversations DROP COLUMN {column}")
            first.query("ALTER TABLE messages DROP COLUMN agent")
            first.query("DROP INDEX messages_by_sequence")
            first.query("ALTER TABLE messages DROP COLUMN seq")
            first.query("ALTER TABLE conversations DROP COLUMN seen_ms")
            first.query("DROP TABLE schema_version")
            first.query("DROP TABLE webhook_deliveries")
            desk = Desk(db_dir=db_dir).start()
            try:
                path = f"/v1/conversations/{conversation}/messages"
                self.assertEqual(desk.customer("GET", path, token).json()["status"], "answered")
                # A cursor the widget took from the old desk (a global id) still holds.
                page = desk.customer("GET", path + "?after=1", token).json()
                self.assertEqual([(m["id"], m["text"]) for m in page["messages"]], [(3, "two")])
                desk.agent("POST", f"/v1/agent/conversations/{conversation}/messages",
                           {"text": "three"})
                page = desk.customer("GET", path + "?after=3", token).json()
                self.assertEqual([(m["id"], m["text"]) for m in page["messages"]],
                                 [(4, "three")])
                # Found at version 1 (no seen_ms): steps 2, 3, 4 and 5 ran.
                self.assertEqual([r[0] for r in desk.query("SELECT version FROM schema_version")],
                                 [2, 3, 4, 5])
            finally:
                desk.close()

    @unittest.skipUnless(POSTGRES, "several desks share a database on PostgreSQL")
    def test_desks_starting_at_once_on_an_empty_database_migrate_it_once(self):
        first = Desk()
        desks = [first] + [Desk(share_with=first) for _ in range(3)]
        errors = []

        def start(desk):
            try:
                desk.start()
            except RuntimeError as error:
                errors.append(str(error))

        threads = [threading.Thread(target=start, args=(d,)) for d in desks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for desk in desks:
            self.addCleanup(desk.close)
        self.assertEqual(errors, [])
        self.assertEqual(first.query("SELECT version FROM schema_version ORDER BY version"),
                         [(1,), (4,), (5,)])


if __name__ == "__main__":
    unittest.main()
