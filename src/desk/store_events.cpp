// The Store's outcome events and facts (docs/metrics.md): each new event is
// stored as received and folded into its conversation's facts row in the
// same transaction, so the facts never count an event that was not kept.
#include <map>

#include "limits.h"
#include "store.h"
#include "summary.h"

namespace tandem::desk {

EventsResult Store::add_events(const std::vector<Event>& events, std::int64_t now_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Transaction transaction(*db_);
  if (!transaction.ok()) return {};
  EventsResult result;
  std::map<std::string, Facts> touched;
  for (const Event& event : events) {
    Statement insert(db_->handle(),
                     "INSERT OR IGNORE INTO events (id, conversation_id, type, time_ms, "
                     "received_ms, fields) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, event.id)
        .bind(2, event.conversation)
        .bind(3, event.type)
        .bind(4, event.time_ms)
        .bind(5, now_ms)
        .bind(6, event.fields.dump());
    if (!insert.run()) return {};
    if (sqlite3_changes(db_->handle()) == 0) {
      ++result.duplicates;
      continue;
    }
    ++result.accepted;
    auto found = touched.find(event.conversation);
    if (found == touched.end()) {
      Facts facts;
      Statement select(db_->handle(), "SELECT facts FROM facts WHERE conversation_id = ?");
      if (select.bind(1, event.conversation).step()) {
        const auto stored = nlohmann::json::parse(select.text(0), nullptr, false);
        if (stored.is_discarded()) return {};
        facts = stored.get<Facts>();
      } else if (select.failed()) {
        return {};
      }
      found = touched.emplace(event.conversation, std::move(facts)).first;
    }
    apply(found->second, event);
  }
  for (const auto& [conversation, facts] : touched) {
    Statement upsert(db_->handle(),
                     "INSERT INTO facts (conversation_id, started_ms, facts) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT(conversation_id) DO UPDATE SET started_ms = ?2, facts = ?3");
    if (!upsert.bind(1, conversation)
             .bind(2, facts.started_ms)
             .bind(3, nlohmann::json(facts).dump())
             .run()) {
      return {};
    }
  }
  if (!transaction.commit()) return {};
  result.ok = true;
  return result;
}

std::optional<std::vector<Facts>> Store::facts(std::int64_t since_ms, std::int64_t until_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(
      db_->handle(),
      "SELECT facts, conversation_id FROM facts WHERE started_ms >= ? AND started_ms < ? "
      "ORDER BY started_ms, conversation_id");
  select.bind(1, since_ms).bind(2, until_ms);
  std::vector<Facts> out;
  while (select.step()) {
    const auto stored = nlohmann::json::parse(select.text(0), nullptr, false);
    if (stored.is_discarded()) return std::nullopt;
    out.push_back(stored.get<Facts>());
    out.back().conversation = select.text(1);
  }
  if (select.failed()) return std::nullopt;
  return out;
}

std::optional<std::vector<Event>> Store::events(std::int64_t since_ms, std::int64_t until_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_->handle(),
                   "SELECT e.id, e.conversation_id, e.type, e.time_ms, e.fields FROM events e "
                   "JOIN facts f ON f.conversation_id = e.conversation_id WHERE f.started_ms >= ? "
                   "AND f.started_ms < ? ORDER BY e.time_ms, e.id");
  select.bind(1, since_ms).bind(2, until_ms);
  std::vector<Event> out;
  while (select.step()) {
    auto fields = nlohmann::json::parse(select.text(4), nullptr, false);
    if (fields.is_discarded()) return std::nullopt;
    out.push_back({select.text(0), select.text(1), select.text(2), select.integer(3), fields});
  }
  if (select.failed()) return std::nullopt;
  return out;
}

std::optional<std::vector<std::optional<std::int64_t>>> Store::first_responses(
    std::int64_t since_ms, std::int64_t until_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_->handle(),
                   "SELECT (SELECT MIN(m.time_ms) FROM messages m WHERE m.conversation_id = c.id "
                   "AND m.role = 'agent') - c.received_ms FROM conversations c "
                   "WHERE c.received_ms >= ? AND c.received_ms < ?");
  select.bind(1, since_ms).bind(2, until_ms);
  std::vector<std::optional<std::int64_t>> out;
  while (select.step()) {
    out.push_back(select.null(0) ? std::nullopt : std::optional(select.integer(0)));
  }
  if (select.failed()) return std::nullopt;
  return out;
}

std::optional<std::vector<GapEvent>> Store::gap_events(std::int64_t since_ms,
                                                       std::int64_t until_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Only the events that can be a signal (gaps.cpp signal_of): the many
  // confident answers and "yes" never leave SQLite.
  Statement select(db_->handle(),
                   "SELECT e.conversation_id, e.type, e.fields, f.facts FROM events e JOIN facts f "
                   "ON f.conversation_id = e.conversation_id WHERE f.started_ms >= ? AND "
                   "f.started_ms < ? AND (e.type = 'fallback' OR (e.type = 'feedback' AND "
                   "json_extract(e.fields, '$.helpful') = 0) OR (e.type = 'answer_shown' AND "
                   "json_extract(e.fields, '$.confidence') = 'low') OR (e.type = 'handoff' AND "
                   "json_extract(e.fields, '$.reason') IN ('low_confidence', 'not_helpful', "
                   "'repeated_failure'))) ORDER BY e.time_ms, e.id");
  select.bind(1, since_ms).bind(2, until_ms);
  std::vector<GapEvent> out;
  // Each conversation's facts are read once, however many signals it has.
  std::map<std::string, std::pair<std::string, std::string>> outcome_and_intent;
  while (select.step()) {
    const std::string conversation = select.text(0);
    auto known = outcome_and_intent.find(conversation);
    if (known == outcome_and_intent.end()) {
      const auto facts = nlohmann::json::parse(select.text(3), nullptr, false);
      if (facts.is_discarded()) return std::nullopt;
      const Facts f = facts.get<Facts>();
      known = outcome_and_intent.emplace(conversation, std::pair{outcome_of(f), f.intent()}).first;
    }
    const auto fields = nlohmann::json::parse(select.text(2), nullptr, false);
    if (fields.is_discarded()) return std::nullopt;
    out.push_back(
        {conversation, select.text(1), known->second.first, known->second.second, fields});
  }
  if (select.failed()) return std::nullopt;
  return out;
}

std::optional<std::vector<GapHandoff>> Store::gap_handoffs(std::int64_t since_ms,
                                                           std::int64_t until_ms) {
  std::lock_guard<std::mutex> lock(mutex_);
  Statement select(db_->handle(),
                   "SELECT c.id, c.bundle, COALESCE((SELECT m.text FROM messages m WHERE "
                   "m.conversation_id = c.id AND m.role = 'agent' ORDER BY m.id LIMIT 1), '') "
                   "FROM conversations c WHERE c.received_ms >= ? AND c.received_ms < ? AND "
                   "json_extract(c.bundle, '$.reason.code') IN ('low_confidence', 'not_helpful', "
                   "'repeated_failure') ORDER BY c.received_ms, c.id LIMIT ?");
  select.bind(1, since_ms).bind(2, until_ms).bind(3, static_cast<std::int64_t>(kMaxGapHandoffs));
  std::vector<GapHandoff> out;
  while (select.step()) {
    auto bundle = nlohmann::json::parse(select.text(1), nullptr, false);
    if (bundle.is_discarded()) return std::nullopt;
    out.push_back({select.text(0), std::move(bundle), select.text(2)});
  }
  if (select.failed()) return std::nullopt;
  return out;
}

}  // namespace tandem::desk
