#include "desk/store/store.h"

#include "desk/crypto.h"
#include "desk/limits.h"
#include "desk/store/postgres_connection.h"
#include "desk/store/postgres_listener.h"
#include "desk/store/sqlite_connection.h"

namespace tandem::desk {
namespace {

bool is_postgres_uri(const std::string& db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

}  // namespace

Store::Store(const Dialect& dialect, std::unique_ptr<SqlPool> pool, std::string listen_uri)
    : dialect_(dialect), pool_(std::move(pool)), listen_uri_(std::move(listen_uri)) {}

Store::~Store() = default;

std::unique_ptr<Store> Store::open(const std::string& db, std::string* error) {
  const bool postgres = is_postgres_uri(db);
  const Dialect& dialect = postgres ? kPostgresDialect : kSqliteDialect;
  SqlPool::Connect connect = [db, postgres](std::string* why) -> std::unique_ptr<SqlConnection> {
    if (postgres) return PostgresConnection::open(db, why);
    return SqliteConnection::open(db, why);
  };
  std::string why;
  auto first = connect(&why);
  if (!first) {
    *error = postgres ? "cannot connect to PostgreSQL: " + why : "cannot open " + db + ": " + why;
    return nullptr;
  }
  if (!migrate(*first, dialect, &why)) {
    *error = std::string(dialect.name) + ": " + why;
    return nullptr;
  }
  // Every worker thread may hold a connection; SQLite writes one at a time.
  const std::size_t size = postgres ? kWorkerThreads : 1;
  return std::unique_ptr<Store>(new Store(
      dialect, std::make_unique<SqlPool>(connect, size, std::move(first)), postgres ? db : ""));
}

void Store::watch_changes(std::function<void()> on_change) {
  listener_.reset();  // joins its thread
  if (on_change && !listen_uri_.empty()) {
    listener_ = std::make_unique<PostgresListener>(listen_uri_, std::move(on_change));
  }
}

bool Store::with_connection(const std::function<bool(SqlSession&)>& work) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    auto lease = pool_->acquire();
    if (!lease) return false;
    if ((*lease)->broken() && !(*lease)->reconnect()) return false;
    SqlSession session{**lease};
    if (work(session)) return true;
    if (!session.db.broken() || session.commit_sent) return false;
  }
  return false;
}

HandoffResult Store::add_handoff(const NewHandoff& handoff, std::int64_t now_ms) {
  HandoffResult result;
  const std::string digest = sha256_hex(handoff.bundle);
  with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    // One statement, whoever wins a race on the same bundle id: the no-op
    // update makes RETURNING answer with the row that is there.
    const SqlResult row = session.db.run(
        "INSERT INTO conversations (id, bundle_id, bundle_sha256, bundle, priority, "
        "received_ms, waiting_since_ms, updated_ms) VALUES ($1, $2, $3, $4, $5, $6, $6, $6) "
        "ON CONFLICT (bundle_id) DO UPDATE SET bundle_id = excluded.bundle_id "
        "RETURNING id, bundle_sha256",
        {handoff.conversation_id, handoff.bundle_id, digest, handoff.bundle, handoff.priority,
         now_ms});
    if (!row.ok || row.empty()) return false;
    const std::string conversation = row.text(0, 0);
    if (row.text(0, 1) != digest) {
      result = {HandoffOutcome::kConflict, conversation};
      return true;
    }
    const bool created = conversation == handoff.conversation_id;
    if (!session.db
             .run("INSERT INTO customer_tokens (token_sha256, conversation_id) VALUES ($1, $2)",
                  {handoff.token_sha256, conversation})
             .ok ||
        (created && !queue_handoff_webhook(session, conversation, handoff.bundle, now_ms)) ||
        !announce(session, conversation) || !transaction.commit()) {
      return false;
    }
    result = {created ? HandoffOutcome::kCreated : HandoffOutcome::kRepeated, conversation};
    return true;
  });
  return result;
}

std::optional<std::string> Store::read_text(const char* sql, const std::string& key) {
  std::optional<std::string> out;
  with_connection([&](SqlSession& session) {
    const SqlResult found = session.db.run(sql, {key});
    if (found.ok && !found.empty()) out = found.text(0, 0);
    return found.ok;
  });
  return out;
}

std::optional<std::string> Store::conversation_of_token(const std::string& token_sha256) {
  return read_text("SELECT conversation_id FROM customer_tokens WHERE token_sha256 = $1",
                   token_sha256);
}

std::optional<std::string> Store::status(const std::string& conversation_id) {
  return read_text("SELECT status FROM conversations WHERE id = $1", conversation_id);
}

std::optional<std::string> Store::progress(const std::string& conversation_id) {
  return read_text(
      "SELECT CASE WHEN status = 'resolved' THEN 'resolved' WHEN EXISTS (SELECT 1 "
      "FROM messages m WHERE m.conversation_id = c.id AND m.role = 'agent') THEN "
      "'answered' WHEN seen_ms IS NOT NULL THEN 'seen' ELSE 'queued' END "
      "FROM conversations c WHERE id = $1",
      conversation_id);
}

std::optional<std::string> Store::bundle(const std::string& conversation_id) {
  return read_text("SELECT bundle FROM conversations WHERE id = $1", conversation_id);
}

// mark_seen and resolve change one row; the change is announced in the
// same transaction, and only when there was one.
bool Store::mark_seen(const std::string& conversation_id, std::int64_t now_ms) {
  return update_conversation(
      "UPDATE conversations SET seen_ms = $2 WHERE id = $1 AND seen_ms IS NULL", conversation_id,
      now_ms);
}

bool Store::resolve(const std::string& conversation_id, std::int64_t now_ms,
                    const std::string& actor) {
  bool found = false;
  with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    // Resolving twice keeps the first resolution's time and resolver.
    const SqlResult update = session.db.run(
        "UPDATE conversations SET status = 'resolved', waiting_since_ms = NULL, updated_ms = $2, "
        "resolved_ms = $2, resolved_by = $3 WHERE id = $1 AND status <> 'resolved'",
        {conversation_id, now_ms, actor});
    if (!update.ok) return false;
    if (update.changes == 0) {
      const SqlResult exists =
          session.db.run("SELECT 1 FROM conversations WHERE id = $1", {conversation_id});
      found = exists.ok && !exists.empty();
      return exists.ok;
    }
    found = record(session, conversation_id, actor, "resolved", now_ms) &&
            queue_webhook(session, "conversation.resolved", conversation_id,
                          {{"status", "resolved"}}, now_ms) &&
            announce(session, conversation_id) && transaction.commit();
    return found;
  });
  return found;
}

bool Store::update_conversation(const char* sql, const std::string& conversation_id,
                                std::int64_t now_ms) {
  bool changed = false;
  with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    const SqlResult update = session.db.run(sql, {conversation_id, now_ms});
    if (!update.ok) return false;
    changed = update.changes == 1;
    if (!changed) return true;  // rolled back: nothing to commit
    return announce(session, conversation_id) && transaction.commit();
  });
  return changed;
}

bool Store::announce(SqlSession& session, const std::string& conversation_id) {
  return !dialect_.notify_change || session.db.run(dialect_.notify_change, {conversation_id}).ok;
}

bool Store::record(SqlSession& session, const std::string& conversation_id,
                   const std::string& actor, const char* action, std::int64_t now_ms) {
  return session.db
      .run("INSERT INTO audit (conversation_id, actor, action, time_ms) VALUES ($1, $2, $3, $4)",
           {conversation_id, actor, action, now_ms})
      .ok;
}

std::optional<std::int64_t> Store::add_message(const std::string& conversation_id,
                                               const std::string& role, const std::string& text,
                                               std::int64_t now_ms, const std::string& agent) {
  std::optional<std::int64_t> out;
  const bool customer = role == "customer";
  with_connection([&](SqlSession& session) {
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    if (dialect_.lock_conversation) {
      const SqlResult locked = session.db.run(dialect_.lock_conversation, {conversation_id});
      if (!locked.ok || locked.empty()) return false;
    }
    const SqlResult before =
        session.db.run("SELECT status FROM conversations WHERE id = $1", {conversation_id});
    if (!before.ok || before.empty()) return false;
    const bool reopens = customer && before.text(0, 0) == "resolved";
    const SqlResult inserted = session.db.run(
        "INSERT INTO messages (conversation_id, seq, role, text, time_ms, agent) "
        "SELECT $1, COALESCE(MAX(seq), 0) + 1, $2, $3, $4, $5 FROM messages WHERE "
        "conversation_id = $1 RETURNING seq",
        {conversation_id, role, text, now_ms, customer ? std::nullopt : std::optional(agent)});
    if (!inserted.ok || inserted.empty() ||
        !queue_message_webhooks(session, conversation_id,
                                {inserted.integer(0, 0), role, text, now_ms, agent, ""}, reopens)) {
      return false;
    }
    // Reopened: no longer resolved, so the time to resolution waits for the next.
    const SqlResult update = session.db.run(
        customer
            ? "UPDATE conversations SET status = 'open', waiting_since_ms = "
              "COALESCE(waiting_since_ms, $2), updated_ms = $2, resolved_ms = NULL, "
              "resolved_by = NULL WHERE id = $1"
            : "UPDATE conversations SET waiting_since_ms = NULL, updated_ms = $2 WHERE id = $1",
        {conversation_id, now_ms});
    if (!update.ok ||
        (reopens && !record(session, conversation_id, kCustomerActor, "reopened", now_ms)) ||
        (!customer && !record(session, conversation_id, agent, "replied", now_ms)) ||
        !announce(session, conversation_id) || !transaction.commit()) {
      return false;
    }
    out = inserted.integer(0, 0);
    return true;
  });
  return out;
}

std::optional<std::vector<Message>> Store::messages(const std::string& conversation_id,
                                                    std::int64_t after, const std::string& role) {
  std::optional<std::vector<Message>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        "SELECT m.seq, m.role, m.text, m.time_ms, m.agent, a.display_name FROM messages m "
        "LEFT JOIN agents a ON a.name = m.agent WHERE m.conversation_id = $1 AND "
        "m.seq > $2 AND ($3 = '' OR m.role = $3) ORDER BY m.seq",
        {conversation_id, after, role});
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      out->push_back({rows.integer(r, 0), rows.text(r, 1), rows.text(r, 2), rows.integer(r, 3),
                      rows.text(r, 4), rows.text(r, 5)});
    }
    return true;
  });
  return out;
}

std::optional<std::vector<ConversationRow>> Store::list(const std::string& status,
                                                        const AssignmentFilter& assignment) {
  static const char* const kAssignment[] = {"any", "none", "agent"};
  std::optional<std::vector<ConversationRow>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        dialect_.list_conversations, {status, static_cast<std::int64_t>(kMaxListedConversations),
                                      kAssignment[assignment.kind], assignment.agent});
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      ConversationRow row{rows.text(r, 0), rows.text(r, 1),    rows.text(r, 2), rows.text(r, 3),
                          rows.text(r, 4), rows.text(r, 5),    rows.text(r, 6), rows.text(r, 7),
                          rows.text(r, 8), rows.integer(r, 9), std::nullopt,    rows.text(r, 11)};
      if (!rows.null(r, 10)) row.waiting_since_ms = rows.integer(r, 10);
      out->push_back(std::move(row));
    }
    return true;
  });
  return out;
}

}  // namespace tandem::desk
