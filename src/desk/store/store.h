// Everything the desk keeps: conversations (the bundle as received), hashed
// customer tokens, the messages after the handoff, and the widget's outcome
// events with their facts per conversation. In a SQLite file (the embedded
// default) or a PostgreSQL database that several desks may share; the same
// SQL wherever the two agree (dialect.h). Every call is one transaction,
// committed before it returns.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "desk/agents/agents.h"
#include "desk/reports/events.h"
#include "desk/reports/facts.h"
#include "desk/reports/gaps.h"
#include "desk/store/dialect.h"
#include "desk/store/sql_pool.h"
#include "desk/store/sql_transaction.h"
#include "desk/webhooks/webhook_queue.h"

namespace tandem::desk {

enum class HandoffOutcome { kCreated, kRepeated, kConflict, kFailed };

struct NewHandoff {
  std::string bundle_id;
  std::string bundle;           // canonical JSON, so a byte-different retry still matches
  int priority = 1;             // 0 low .. 3 urgent
  std::string conversation_id;  // used only when the bundle is new
  std::string token_sha256;     // the customer token granted by this request
};

struct HandoffResult {
  HandoffOutcome outcome = HandoffOutcome::kFailed;
  std::string conversation_id;
};

struct Message {
  // The message's number within its conversation, the customer's cursor:
  // numbers commit in order, so a reader past n never misses a later commit
  // of a number <= n (unlike a global id under concurrent writers).
  std::int64_t id = 0;
  std::string role;  // "customer" or "agent"
  std::string text;
  std::int64_t time_ms = 0;
  std::string agent;       // who wrote an agent message (an account, or kSharedAgent)
  std::string agent_name;  // their display name now; empty: none chosen
};

struct EventsResult {
  bool ok = false;  // false: nothing was stored (a database failure)
  std::size_t accepted = 0, duplicates = 0;
};

struct ConversationRow {
  std::string id, bundle_id, status, priority, queue, category, summary, reason, created_at;
  std::int64_t received_ms = 0;
  std::optional<std::int64_t> waiting_since_ms;  // customer waiting for an agent since
  std::string assignee;                          // empty: nobody took it
};

// Which conversations a list shows by assignment: any, nobody's, or one agent's.
struct AssignmentFilter {
  enum Kind { kAny, kNone, kAgent } kind = kAny;
  std::string agent;
};

// kUnchanged: taken by oneself already, or released while nobody had it.
enum class AssignOutcome { kChanged, kUnchanged, kSomeoneElses, kNotFound, kFailed };
struct AssignResult {
  AssignOutcome outcome = AssignOutcome::kFailed;
  std::string assignee;  // after the call; empty: nobody
};

// A named agent's stored credentials, for sign-in.
struct AgentCredentials {
  AgentAccount account;
  std::string secret_hash;
};

class PostgresListener;

class Store {
 public:
  // db: a SQLite file path, or a postgresql:// (postgres://) libpq URI. The
  // schema is migrated to the current version. nullptr with *error set (never
  // holding the URI's password) when the database cannot be opened.
  static std::unique_ptr<Store> open(const std::string& db, std::string* error);
  ~Store();

  // Calls on_change (from another thread) whenever a desk instance sharing
  // this database changed a conversation, and after a lost connection comes
  // back (changes may have been missed). SQLite: one process, nothing to do.
  // An empty on_change stops watching: on_change is not called after this.
  void watch_changes(std::function<void()> on_change);

  // A bundle id seen before with the same content adds a token to its
  // conversation (kRepeated); with other content it is refused (kConflict).
  HandoffResult add_handoff(const NewHandoff& handoff, std::int64_t now_ms);
  std::optional<std::string> conversation_of_token(const std::string& token_sha256);
  // nullopt: no such conversation (or a database failure).
  std::optional<std::string> status(const std::string& conversation_id);
  // What the customer may be told (docs/desk.md): "queued" until an agent
  // opens it, "seen", "answered" once an agent wrote, "resolved".
  std::optional<std::string> progress(const std::string& conversation_id);
  // true when this was the first time an agent opened the conversation.
  bool mark_seen(const std::string& conversation_id, std::int64_t now_ms);
  std::optional<std::string> bundle(const std::string& conversation_id);
  // A customer message reopens a resolved conversation; an agent message
  // stops the waiting clock. agent: who wrote an agent message (audited).
  std::optional<std::int64_t> add_message(const std::string& conversation_id,
                                          const std::string& role, const std::string& text,
                                          std::int64_t now_ms, const std::string& agent = "");
  // role empty: every role.
  std::optional<std::vector<Message>> messages(const std::string& conversation_id,
                                               std::int64_t after, const std::string& role);
  // actor: an agent's name or kCustomerActor; the time and who are kept
  // (time to resolution) and audited. false: no such conversation.
  bool resolve(const std::string& conversation_id, std::int64_t now_ms, const std::string& actor);
  // status "open", "resolved" or "all"; most urgent first, then longest waiting.
  std::optional<std::vector<ConversationRow>> list(const std::string& status,
                                                   const AssignmentFilter& assignment = {});

  // Agent accounts (store_agents.cpp). add_agent: nullopt on a database
  // failure, false when the name is taken.
  std::optional<bool> add_agent(const AgentAccount& account, const std::string& secret_hash);
  std::optional<std::vector<AgentAccount>> agents();
  // Disables the account and ends its sessions; false: no such agent.
  std::optional<bool> disable_agent(const std::string& name, std::int64_t now_ms);
  // The enabled account of that name (empty: none).
  std::optional<std::vector<AgentCredentials>> credentials(const std::string& name);
  bool add_session(const std::string& id_sha256, const std::string& agent, std::int64_t now_ms,
                   std::int64_t expires_ms);
  // The identity of an unexpired session of an enabled account or of the
  // shared token (empty: no such session).
  std::optional<std::vector<AgentIdentity>> session_agent(const std::string& id_sha256,
                                                          std::int64_t now_ms);
  bool end_session(const std::string& id_sha256);

  // Assignment, notes and the audit (store_work.cpp), each audited in the
  // transaction that makes the change.
  // A conversation someone else took stays theirs until released.
  AssignResult take(const std::string& conversation_id, const std::string& agent,
                    std::int64_t now_ms);
  // Only the assignee releases, or the shared token (may_release_others).
  AssignResult release(const std::string& conversation_id, const std::string& agent,
                       bool may_release_others, std::int64_t now_ms);
  // Empty: nobody took it.
  std::optional<std::string> assignee(const std::string& conversation_id);
  bool add_note(const std::string& conversation_id, const std::string& agent,
                const std::string& text, std::int64_t now_ms);
  std::optional<std::vector<Note>> notes(const std::string& conversation_id);
  std::optional<std::vector<AuditEntry>> audit(const std::string& conversation_id);
  // For each handoff received in [since_ms, until_ms): how long until an
  // agent resolved it (nullopt: open, or ended by the customer).
  std::optional<std::vector<std::optional<std::int64_t>>> human_resolutions(std::int64_t since_ms,
                                                                            std::int64_t until_ms);

  // Stores new events and folds them into their conversations' facts, all in
  // one transaction; an event id seen before is skipped (store_events.cpp).
  EventsResult add_events(const std::vector<Event>& events, std::int64_t now_ms);
  // The facts of conversations that started in [since_ms, until_ms).
  std::optional<std::vector<Facts>> facts(std::int64_t since_ms, std::int64_t until_ms);
  // For each handoff received in [since_ms, until_ms): how long until the
  // first agent message (nullopt: none yet). Bot turns are not messages here.
  std::optional<std::vector<std::optional<std::int64_t>>> first_responses(std::int64_t since_ms,
                                                                          std::int64_t until_ms);
  // Every event of the conversations that started in [since_ms, until_ms).
  std::optional<std::vector<Event>> events(std::int64_t since_ms, std::int64_t until_ms);
  // The events that may signal a knowledge gap, of the same conversations.
  std::optional<std::vector<GapEvent>> gap_events(std::int64_t since_ms, std::int64_t until_ms);
  // The conversations received in [since_ms, until_ms) that were handed off
  // for missing knowledge (gaps.h missing_knowledge), with their first agent
  // reply; at most kMaxGapHandoffs, oldest first.
  std::optional<std::vector<GapHandoff>> gap_handoffs(std::int64_t since_ms, std::int64_t until_ms);

  // Webhooks (store_webhooks.cpp, docs/desk.md): from this call on, every new
  // handoff, message, resolve and reopen is queued for each URL in the
  // transaction of the change itself. Until then (or with none) nothing is.
  void queue_webhooks_for(const std::vector<std::string>& urls);
  // The oldest due delivery to one of those URLs with none ahead of it still
  // pending in its conversation, leased until lease_until_ms; nullopt: none
  // (or the database failed).
  std::optional<WebhookDelivery> claim_webhook(std::int64_t now_ms, std::int64_t lease_until_ms);
  // false when the database failed or the lease was lost (the delivery was
  // claimed again since): the verdict is then not recorded.
  bool finish_webhook(const WebhookDelivery& delivery, const WebhookVerdict& verdict,
                      std::int64_t now_ms);

 private:
  Store(const Dialect& dialect, std::unique_ptr<SqlPool> pool, std::string listen_uri);
  // Runs work (true: it succeeded) on a pooled connection; once more on a
  // fresh connection when the first broke (the server restarted) before a
  // commit was sent.
  bool with_connection(const std::function<bool(SqlSession&)>& work);
  // The first column of the first row of a read by one key ($1); nullopt
  // when there is no row or the database failed.
  std::optional<std::string> read_text(const char* sql, const std::string& key);
  // One read; each(rows, r) for every row, once the read succeeded. False
  // when the database failed.
  bool read_rows(const char* sql, const std::vector<SqlArg>& args,
                 const std::function<void(const SqlResult&, std::size_t)>& each);
  // A one-column read of integers or NULLs.
  std::optional<std::vector<std::optional<std::int64_t>>> optional_integers(
      const char* sql, const std::vector<SqlArg>& args);
  // One UPDATE of conversation $1 ($2: now); true when it changed a row.
  bool update_conversation(const char* sql, const std::string& conversation_id,
                           std::int64_t now_ms);
  // Audits one action inside the caller's transaction.
  bool record(SqlSession& session, const std::string& conversation_id, const std::string& actor,
              const char* action, std::int64_t now_ms);
  // A change other desk instances must hear of, inside the caller's transaction.
  bool announce(SqlSession& session, const std::string& conversation_id);
  // Sets the assignee to `to` (empty: nobody) in one locked
  // transaction, audited as action; refused when someone else holds it.
  AssignResult reassign(const std::string& conversation_id, const std::string& actor,
                        const std::string& to, bool may_take_from_others, const char* action,
                        std::int64_t now_ms);
  // Queue the webhook events of a change, inside its transaction; false: the
  // transaction must fail. Nothing to do without webhook URLs.
  bool queue_webhook(SqlSession& session, const char* type, const std::string& conversation_id,
                     const nlohmann::json& data, std::int64_t now_ms);
  bool queue_handoff_webhook(SqlSession& session, const std::string& conversation_id,
                             const std::string& bundle, std::int64_t now_ms);
  // reopens: a customer's message on a resolved conversation, announced first.
  bool queue_message_webhooks(SqlSession& session, const std::string& conversation_id,
                              const Message& message, bool reopens);

  const Dialect& dialect_;
  std::unique_ptr<SqlPool> pool_;
  std::string listen_uri_;  // PostgreSQL only
  std::unique_ptr<PostgresListener> listener_;
  std::vector<std::string> webhook_urls_;
  std::string claim_webhook_sql_;
};

}  // namespace tandem::desk
