// Everything the desk keeps, in one SQLite file: conversations (the bundle as
// received), hashed customer tokens, the messages after the handoff, and the
// widget's outcome events with their facts per conversation. Every
// call is one transaction, committed before it returns.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "events.h"
#include "facts.h"
#include "gaps.h"
#include "sqlite_db.h"

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
  std::int64_t id = 0;
  std::string role;  // "customer" or "agent"
  std::string text;
  std::int64_t time_ms = 0;
};

struct EventsResult {
  bool ok = false;  // false: nothing was stored (a database failure)
  std::size_t accepted = 0, duplicates = 0;
};

struct ConversationRow {
  std::string id, bundle_id, status, priority, queue, category, summary, reason, created_at;
  std::int64_t received_ms = 0;
  std::optional<std::int64_t> waiting_since_ms;  // customer waiting for an agent since
};

class Store {
 public:
  static std::unique_ptr<Store> open(const std::string& path, std::string* error);

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
  // stops the waiting clock.
  std::optional<std::int64_t> add_message(const std::string& conversation_id,
                                          const std::string& role, const std::string& text,
                                          std::int64_t now_ms);
  // role empty: every role.
  std::optional<std::vector<Message>> messages(const std::string& conversation_id,
                                               std::int64_t after, const std::string& role);
  bool resolve(const std::string& conversation_id, std::int64_t now_ms);
  // status "open", "resolved" or "all"; most urgent first, then longest waiting.
  std::optional<std::vector<ConversationRow>> list(const std::string& status);

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

 private:
  explicit Store(std::unique_ptr<Database> db) : db_(std::move(db)) {}
  bool add_token(const std::string& token_sha256, const std::string& conversation_id);
  bool migrate();

  std::mutex mutex_;  // one connection: its transactions must not interleave
  std::unique_ptr<Database> db_;
};

}  // namespace tandem::desk
