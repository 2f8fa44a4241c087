// The PostgreSQL schema, as the migrations that built it (dialect.h). JSON
// documents stay TEXT, byte for byte as received, and are read as jsonb.
#include "desk/store/dialect.h"

namespace tandem::desk {
namespace {

constexpr const char* kFirstSchema = R"sql(
CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  bundle_id TEXT NOT NULL UNIQUE,
  bundle_sha256 TEXT NOT NULL,
  bundle TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  priority INTEGER NOT NULL,
  received_ms BIGINT NOT NULL,
  waiting_since_ms BIGINT,
  updated_ms BIGINT NOT NULL,
  seen_ms BIGINT
);
CREATE INDEX conversations_by_received ON conversations(received_ms);
CREATE TABLE customer_tokens (
  token_sha256 TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id)
);
CREATE TABLE messages (
  id BIGSERIAL PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  seq BIGINT NOT NULL,
  role TEXT NOT NULL,
  text TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  UNIQUE (conversation_id, seq)
);
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  type TEXT NOT NULL,
  time_ms BIGINT NOT NULL,
  received_ms BIGINT NOT NULL,
  fields TEXT NOT NULL
);
CREATE INDEX events_by_conversation ON events(conversation_id, time_ms);
CREATE TABLE facts (
  conversation_id TEXT PRIMARY KEY,
  started_ms BIGINT NOT NULL,
  facts TEXT NOT NULL
);
CREATE INDEX facts_by_start ON facts(started_ms);
)sql";

// Version 4 (sqlite_schema.cpp says what it holds); 2 and 3 are SQLite's
// catching up with what PostgreSQL had from version 1.
constexpr const char* kAgents = R"sql(
CREATE TABLE agents (
  name TEXT PRIMARY KEY,
  display_name TEXT,
  secret_hash TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  disabled_ms BIGINT
);
CREATE TABLE agent_sessions (
  id_sha256 TEXT PRIMARY KEY,
  agent TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  expires_ms BIGINT NOT NULL
);
CREATE INDEX agent_sessions_by_expiry ON agent_sessions(expires_ms);
ALTER TABLE conversations ADD COLUMN assignee TEXT;
ALTER TABLE conversations ADD COLUMN resolved_ms BIGINT;
ALTER TABLE conversations ADD COLUMN resolved_by TEXT;
ALTER TABLE messages ADD COLUMN agent TEXT;
CREATE TABLE notes (
  id BIGSERIAL PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  agent TEXT NOT NULL,
  text TEXT NOT NULL,
  time_ms BIGINT NOT NULL
);
CREATE INDEX notes_by_conversation ON notes(conversation_id, id);
CREATE TABLE audit (
  id BIGSERIAL PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  time_ms BIGINT NOT NULL
);
CREATE INDEX audit_by_conversation ON audit(conversation_id, id);
)sql";

// Webhook deliveries, as in sqlite_schema.cpp.
constexpr const char* kWebhookQueue = R"sql(
CREATE TABLE webhook_deliveries (
  id BIGSERIAL PRIMARY KEY,
  event_id TEXT NOT NULL,
  target TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  created_ms BIGINT NOT NULL,
  next_attempt_ms BIGINT NOT NULL,
  last_attempt_ms BIGINT,
  last_status INTEGER,
  last_error TEXT,
  finished_ms BIGINT,
  UNIQUE (event_id, target)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_ms)
  WHERE state = 'pending';
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries(target, conversation_id, id)
  WHERE state = 'pending';
)sql";

int unversioned_version(SqlConnection&) {
  return 0;  // the PostgreSQL schema was versioned from its first day
}

}  // namespace

const Dialect kPostgresDialect{
    "PostgreSQL",
    "BEGIN",
    "SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE",
    "SELECT pg_notify('tandem_desk', $1)",
    "SELECT pg_advisory_xact_lock(7104113)",  // any fixed number: the desk's own lock
    {{1, kFirstSchema}, {4, kAgents}, {5, kWebhookQueue}},
    unversioned_version,
    "SELECT id, bundle_id, status, bundle::jsonb #>> '{intent,priority}', "
    "bundle::jsonb #>> '{intent,queue}', bundle::jsonb #>> '{intent,category}', "
    "bundle::jsonb ->> 'summary', bundle::jsonb #>> '{reason,code}', "
    "bundle::jsonb ->> 'created_at', received_ms, waiting_since_ms, assignee FROM conversations "
    "WHERE ($1 = 'all' OR status = $1) AND ($3 = 'any' OR ($3 = 'none' AND assignee IS NULL) "
    "OR ($3 = 'agent' AND assignee = $4)) "
    "ORDER BY priority DESC, COALESCE(waiting_since_ms, received_ms), received_ms LIMIT $2",
    "SELECT e.conversation_id, e.type, e.fields, f.facts FROM events e JOIN facts f "
    "ON f.conversation_id = e.conversation_id WHERE f.started_ms >= $1 AND "
    "f.started_ms < $2 AND (e.type = 'fallback' OR (e.type = 'feedback' AND "
    "e.fields::jsonb -> 'helpful' = 'false') OR (e.type = 'answer_shown' AND "
    "e.fields::jsonb ->> 'confidence' = 'low') OR (e.type = 'handoff' AND "
    "e.fields::jsonb ->> 'reason' IN ('low_confidence', 'not_helpful', "
    "'repeated_failure'))) ORDER BY e.time_ms, e.id",
    "SELECT c.id, c.bundle, COALESCE((SELECT m.text FROM messages m WHERE "
    "m.conversation_id = c.id AND m.role = 'agent' ORDER BY m.seq LIMIT 1), '') "
    "FROM conversations c WHERE c.received_ms >= $1 AND c.received_ms < $2 AND "
    "c.bundle::jsonb #>> '{reason,code}' IN ('low_confidence', 'not_helpful', 'repeated_failure') "
    "ORDER BY c.received_ms, c.id LIMIT $3",
    " FOR UPDATE SKIP LOCKED",
};

}  // namespace tandem::desk
