#include "store.h"

#include "limits.h"
#include "sha256.h"

namespace tandem::desk {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  bundle_id TEXT NOT NULL UNIQUE,
  bundle_sha256 TEXT NOT NULL,
  bundle TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  priority INTEGER NOT NULL,
  received_ms INTEGER NOT NULL,
  waiting_since_ms INTEGER,
  updated_ms INTEGER NOT NULL,
  seen_ms INTEGER
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

}  // namespace

std::unique_ptr<Store> Store::open(const std::string& path, std::string* error) {
  auto db = Database::open(path, error);
  if (!db) return nullptr;
  if (!db->exec(kSchema)) {
    *error = db->error();
    return nullptr;
  }
  std::unique_ptr<Store> store(new Store(std::move(db)));
  if (!store->migrate()) {
    *error = store->db_->error();
    return nullptr;
  }
  return store;
}

// Databases created before a column existed get it added; nothing is rewritten.
bool Store::migrate() {
  Statement column(db_->handle(),
                   "SELECT 1 FROM pragma_table_info('conversations') WHERE name = 'seen_ms'");
  if (column.step()) return true;
  return !column.failed() && db_->exec("ALTER TABLE conversations ADD COLUMN seen_ms INTEGER");
}

bool Store::add_token(const std::string& token_sha256, const std::string& conversation_id) {
  Statement insert(db_->handle(),
                   "INSERT INTO customer_tokens (token_sha256, conversation_id) VALUES (?, ?)");
  return insert.bind(1, token_sha256).bind(2, conversation_id).run();
}

HandoffResult Store::add_handoff(const NewHandoff& handoff, std::int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(*db_);
  if (!transaction.ok()) return {};
  const std::string digest = sha256_hex(handoff.bundle);

  Statement find(db_->handle(), "SELECT id, bundle_sha256 FROM conversations WHERE bundle_id = ?");
  find.bind(1, handoff.bundle_id);
  if (find.step()) {
    HandoffResult result{HandoffOutcome::kRepeated, find.text(0)};
    if (find.text(1) != digest) return {HandoffOutcome::kConflict, result.conversation_id};
    if (!add_token(handoff.token_sha256, result.conversation_id) || !transaction.commit()) {
      return {};
    }
    return result;
  }
  if (find.failed()) return {};

  Statement insert(db_->handle(),
                   "INSERT INTO conversations (id, bundle_id, bundle_sha256, bundle, priority, "
                   "received_ms, waiting_since_ms, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, handoff.conversation_id)
      .bind(2, handoff.bundle_id)
      .bind(3, digest)
      .bind(4, handoff.bundle)
      .bind(5, std::int64_t{handoff.priority})
      .bind(6, now_ms)
      .bind(7, now_ms)
      .bind(8, now_ms);
  if (!insert.run() || !add_token(handoff.token_sha256, handoff.conversation_id) ||
      !transaction.commit()) {
    return {};
  }
  return {HandoffOutcome::kCreated, handoff.conversation_id};
}

std::optional<std::string> Store::conversation_of_token(const std::string& token_sha256) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement find(db_->handle(),
                 "SELECT conversation_id FROM customer_tokens WHERE token_sha256 = ?");
  if (find.bind(1, token_sha256).step()) return find.text(0);
  return std::nullopt;
}

std::optional<std::string> Store::status(const std::string& conversation_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement find(db_->handle(), "SELECT status FROM conversations WHERE id = ?");
  if (find.bind(1, conversation_id).step()) return find.text(0);
  return std::nullopt;
}

std::optional<std::string> Store::progress(const std::string& conversation_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement find(db_->handle(),
                 "SELECT CASE WHEN status = 'resolved' THEN 'resolved' WHEN EXISTS (SELECT 1 "
                 "FROM messages m WHERE m.conversation_id = c.id AND m.role = 'agent') THEN "
                 "'answered' WHEN seen_ms IS NOT NULL THEN 'seen' ELSE 'queued' END "
                 "FROM conversations c WHERE id = ?");
  if (find.bind(1, conversation_id).step()) return find.text(0);
  return std::nullopt;
}

bool Store::mark_seen(const std::string& conversation_id, std::int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement update(db_->handle(),
                   "UPDATE conversations SET seen_ms = ?1 WHERE id = ?2 AND seen_ms IS NULL");
  return update.bind(1, now_ms).bind(2, conversation_id).run() &&
         sqlite3_changes(db_->handle()) == 1;
}

std::optional<std::string> Store::bundle(const std::string& conversation_id) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement find(db_->handle(), "SELECT bundle FROM conversations WHERE id = ?");
  if (find.bind(1, conversation_id).step()) return find.text(0);
  return std::nullopt;
}

std::optional<std::int64_t> Store::add_message(const std::string& conversation_id,
                                               const std::string& role, const std::string& text,
                                               std::int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(*db_);
  if (!transaction.ok()) return std::nullopt;
  Statement insert(
      db_->handle(),
      "INSERT INTO messages (conversation_id, role, text, time_ms) VALUES (?, ?, ?, ?)");
  if (!insert.bind(1, conversation_id).bind(2, role).bind(3, text).bind(4, now_ms).run()) {
    return std::nullopt;
  }
  const std::int64_t id = sqlite3_last_insert_rowid(db_->handle());
  Statement update(db_->handle(),
                   role == "customer"
                       ? "UPDATE conversations SET status = 'open', waiting_since_ms = "
                         "COALESCE(waiting_since_ms, ?1), updated_ms = ?1 WHERE id = ?2"
                       : "UPDATE conversations SET waiting_since_ms = NULL, updated_ms = ?1 "
                         "WHERE id = ?2");
  if (!update.bind(1, now_ms).bind(2, conversation_id).run() || !transaction.commit()) {
    return std::nullopt;
  }
  return id;
}

std::optional<std::vector<Message>> Store::messages(const std::string& conversation_id,
                                                    std::int64_t after, const std::string& role) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_->handle(),
                   "SELECT id, role, text, time_ms FROM messages WHERE conversation_id = ?1 AND "
                   "id > ?2 AND (?3 = '' OR role = ?3) ORDER BY id");
  select.bind(1, conversation_id).bind(2, after).bind(3, role);
  std::vector<Message> out;
  while (select.step()) {
    out.push_back({select.integer(0), select.text(1), select.text(2), select.integer(3)});
  }
  if (select.failed()) return std::nullopt;
  return out;
}

bool Store::resolve(const std::string& conversation_id, std::int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement update(db_->handle(),
                   "UPDATE conversations SET status = 'resolved', waiting_since_ms = NULL, "
                   "updated_ms = ?1 WHERE id = ?2");
  return update.bind(1, now_ms).bind(2, conversation_id).run() &&
         sqlite3_changes(db_->handle()) == 1;
}

std::optional<std::vector<ConversationRow>> Store::list(const std::string& status) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(
      db_->handle(),
      "SELECT id, bundle_id, status, json_extract(bundle, '$.intent.priority'), "
      "json_extract(bundle, '$.intent.queue'), json_extract(bundle, '$.intent.category'), "
      "json_extract(bundle, '$.summary'), json_extract(bundle, '$.reason.code'), "
      "json_extract(bundle, '$.created_at'), received_ms, waiting_since_ms FROM conversations "
      "WHERE ?1 = 'all' OR status = ?1 "
      "ORDER BY priority DESC, COALESCE(waiting_since_ms, received_ms), received_ms LIMIT ?2");
  select.bind(1, status).bind(2, static_cast<std::int64_t>(kMaxListedConversations));
  std::vector<ConversationRow> out;
  while (select.step()) {
    ConversationRow row{select.text(0), select.text(1),    select.text(2), select.text(3),
                        select.text(4), select.text(5),    select.text(6), select.text(7),
                        select.text(8), select.integer(9), std::nullopt};
    if (!select.null(10)) row.waiting_since_ms = select.integer(10);
    out.push_back(std::move(row));
  }
  if (select.failed()) return std::nullopt;
  return out;
}

}  // namespace tandem::desk
