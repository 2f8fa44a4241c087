// The SQLite schema, as the migrations that built it (dialect.h).
#include "desk/store/dialect.h"

namespace tandem::desk {
namespace {

constexpr const char* kFirstSchema = R"sql(
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  bundle_id TEXT NOT NULL UNIQUE,
  bundle_sha256 TEXT NOT NULL,
  bundle TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  priority INTEGER NOT NULL,
  received_ms INTEGER NOT NULL,
  waiting_since_ms INTEGER,
  updated_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS customer_tokens (
  token_sha256 TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id)
);
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  time_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, id);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  type TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  received_ms INTEGER NOT NULL,
  fields TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_by_conversation ON events(conversation_id, time_ms);
CREATE TABLE IF NOT EXISTS facts (
  conversation_id TEXT PRIMARY KEY,
  started_ms INTEGER NOT NULL,
  facts TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_by_start ON facts(started_ms);
)sql";

// The customer's cursor becomes a per-conversation sequence number; old
// messages keep their global id as their number, so a cursor a widget
// already holds still points at the same message.
constexpr const char* kMessageSequence = R"sql(
ALTER TABLE messages ADD COLUMN seq INTEGER;
UPDATE messages SET seq = id;
CREATE UNIQUE INDEX messages_by_sequence ON messages(conversation_id, seq);
)sql";

// Named agents and their sign-in sessions (only hashes of secrets and
// session ids), who a conversation is assigned to and who resolved it when,
// who wrote each agent message, internal notes and the audit of agents' actions.
constexpr const char* kAgents = R"sql(
CREATE TABLE agents (
  name TEXT PRIMARY KEY,
  display_name TEXT,
  secret_hash TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  disabled_ms INTEGER
);
CREATE TABLE agent_sessions (
  id_sha256 TEXT PRIMARY KEY,
  agent TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL
);
CREATE INDEX agent_sessions_by_expiry ON agent_sessions(expires_ms);
ALTER TABLE conversations ADD COLUMN assignee TEXT;
ALTER TABLE conversations ADD COLUMN resolved_ms INTEGER;
ALTER TABLE conversations ADD COLUMN resolved_by TEXT;
ALTER TABLE messages ADD COLUMN agent TEXT;
CREATE TABLE notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  agent TEXT NOT NULL,
  text TEXT NOT NULL,
  time_ms INTEGER NOT NULL
);
CREATE INDEX notes_by_conversation ON notes(conversation_id, id);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  time_ms INTEGER NOT NULL
);
CREATE INDEX audit_by_conversation ON audit(conversation_id, id);
)sql";

// Webhook deliveries (docs/desk.md "Webhooks"): one row per event and URL,
// written in the transaction of the change it reports; kept after delivery or
// giving up, for inspection. next_attempt_ms is also the lease of a worker
// sending it. The partial indexes serve the claim: due rows, and the rows
// ahead of one in its conversation.
constexpr const char* kWebhookQueue = R"sql(
CREATE TABLE webhook_deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  target TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  created_ms INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  last_attempt_ms INTEGER,
  last_status INTEGER,
  last_error TEXT,
  finished_ms INTEGER,
  UNIQUE (event_id, target)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_ms)
  WHERE state = 'pending';
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries(target, conversation_id, id)
  WHERE state = 'pending';
)sql";

// Databases made before schema_version existed: the first schema, with or
// without the seen_ms column.
int unversioned_version(SqlConnection& db) {
  const SqlResult tables =
      db.run("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conversations'");
  if (!tables.ok || tables.empty()) return 0;
  const SqlResult column =
      db.run("SELECT 1 FROM pragma_table_info('conversations') WHERE name = 'seen_ms'");
  return column.ok && !column.empty() ? 2 : 1;
}

}  // namespace

const Dialect kSqliteDialect{
    "SQLite",
    "BEGIN IMMEDIATE",  // takes the write lock now: one writer at a time
    nullptr,            // lock_conversation: BEGIN IMMEDIATE serialises writers already
    nullptr,            // notify_change: one process, woken in memory
    nullptr,            // migration_lock: BEGIN IMMEDIATE again
    {{1, kFirstSchema},
     {2, "ALTER TABLE conversations ADD COLUMN seen_ms INTEGER"},
     {3, kMessageSequence},
     {4, kAgents},
     {5, kWebhookQueue}},
    unversioned_version,
    "SELECT id, bundle_id, status, json_extract(bundle, '$.intent.priority'), "
    "json_extract(bundle, '$.intent.queue'), json_extract(bundle, '$.intent.category'), "
    "json_extract(bundle, '$.summary'), json_extract(bundle, '$.reason.code'), "
    "json_extract(bundle, '$.created_at'), received_ms, waiting_since_ms, assignee FROM "
    "conversations "
    "WHERE ($1 = 'all' OR status = $1) AND ($3 = 'any' OR ($3 = 'none' AND assignee IS NULL) "
    "OR ($3 = 'agent' AND assignee = $4)) "
    "ORDER BY priority DESC, COALESCE(waiting_since_ms, received_ms), received_ms LIMIT $2",
    "SELECT e.conversation_id, e.type, e.fields, f.facts FROM events e JOIN facts f "
    "ON f.conversation_id = e.conversation_id WHERE f.started_ms >= $1 AND "
    "f.started_ms < $2 AND (e.type = 'fallback' OR (e.type = 'feedback' AND "
    "json_extract(e.fields, '$.helpful') = 0) OR (e.type = 'answer_shown' AND "
    "json_extract(e.fields, '$.confidence') = 'low') OR (e.type = 'handoff' AND "
    "json_extract(e.fields, '$.reason') IN ('low_confidence', 'not_helpful', "
    "'repeated_failure'))) ORDER BY e.time_ms, e.id",
    "SELECT c.id, c.bundle, COALESCE((SELECT m.text FROM messages m WHERE "
    "m.conversation_id = c.id AND m.role = 'agent' ORDER BY m.seq LIMIT 1), '') "
    "FROM conversations c WHERE c.received_ms >= $1 AND c.received_ms < $2 AND "
    "json_extract(c.bundle, '$.reason.code') IN ('low_confidence', 'not_helpful', "
    "'repeated_failure') "
    "ORDER BY c.received_ms, c.id LIMIT $3",
    "",  // claim_lock: BEGIN IMMEDIATE holds the write lock
};

}  // namespace tandem::desk
