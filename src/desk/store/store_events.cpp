// The Store's outcome events and facts (docs/metrics.md): each new event is
// stored as received and folded into its conversation's facts row in the
// same transaction, so the facts never count an event that was not kept.
#include <map>

#include "desk/limits.h"
#include "desk/reports/summary.h"
#include "desk/store/store.h"

namespace tandem::desk {
namespace {

// Facts parse from their stored JSON, or nullopt when the row is damaged.
std::optional<Facts> parse_facts(const std::string& text) {
  const auto stored = nlohmann::json::parse(text, nullptr, false);
  if (stored.is_discarded()) return std::nullopt;
  return stored.get<Facts>();
}

// A stored row that does not parse: the read fails (nullopt), and is not
// tried again as a lost connection would be.
template <typename T>
bool damaged(std::optional<T>& out) {
  out.reset();
  return true;
}

}  // namespace

EventsResult Store::add_events(const std::vector<Event>& events, std::int64_t now_ms) {
  EventsResult result;
  with_connection([&](SqlSession& session) {
    result = {};
    SqlTransaction transaction(session, dialect_.begin);
    if (!transaction.ok()) return false;
    std::map<std::string, Facts> touched;
    for (const Event& event : events) {
      const SqlResult insert = session.db.run(
          "INSERT INTO events (id, conversation_id, type, time_ms, received_ms, fields) "
          "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING",
          {event.id, event.conversation, event.type, event.time_ms, now_ms, event.fields.dump()});
      if (!insert.ok) return false;
      if (insert.changes == 0) {
        ++result.duplicates;
        continue;
      }
      ++result.accepted;
      auto found = touched.find(event.conversation);
      if (found == touched.end()) {
        const SqlResult stored = session.db.run(
            "SELECT facts FROM facts WHERE conversation_id = $1", {event.conversation});
        if (!stored.ok) return false;
        const auto facts = stored.empty() ? std::optional(Facts{}) : parse_facts(stored.text(0, 0));
        if (!facts) return false;
        found = touched.emplace(event.conversation, *facts).first;
      }
      apply(found->second, event);
    }
    for (const auto& [conversation, facts] : touched) {
      if (!session.db
               .run("INSERT INTO facts (conversation_id, started_ms, facts) VALUES ($1, $2, $3) "
                    "ON CONFLICT (conversation_id) DO UPDATE SET started_ms = $2, facts = $3",
                    {conversation, facts.started_ms, nlohmann::json(facts).dump()})
               .ok) {
        return false;
      }
    }
    if (!transaction.commit()) return false;
    result.ok = true;
    return true;
  });
  return result;
}

std::optional<std::vector<Facts>> Store::facts(std::int64_t since_ms, std::int64_t until_ms) {
  std::optional<std::vector<Facts>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        "SELECT facts, conversation_id FROM facts WHERE started_ms >= $1 AND started_ms < $2 "
        "ORDER BY started_ms, conversation_id",
        {since_ms, until_ms});
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      auto facts = parse_facts(rows.text(r, 0));
      if (!facts) return damaged(out);
      facts->conversation = rows.text(r, 1);
      out->push_back(std::move(*facts));
    }
    return true;
  });
  return out;
}

std::optional<std::vector<Event>> Store::events(std::int64_t since_ms, std::int64_t until_ms) {
  std::optional<std::vector<Event>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        "SELECT e.id, e.conversation_id, e.type, e.time_ms, e.fields FROM events e "
        "JOIN facts f ON f.conversation_id = e.conversation_id WHERE f.started_ms >= $1 "
        "AND f.started_ms < $2 ORDER BY e.time_ms, e.id",
        {since_ms, until_ms});
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      auto fields = nlohmann::json::parse(rows.text(r, 4), nullptr, false);
      if (fields.is_discarded()) return damaged(out);
      out->push_back(
          {rows.text(r, 0), rows.text(r, 1), rows.text(r, 2), rows.integer(r, 3), fields});
    }
    return true;
  });
  return out;
}

std::optional<std::vector<std::optional<std::int64_t>>> Store::first_responses(
    std::int64_t since_ms, std::int64_t until_ms) {
  return optional_integers(
      "SELECT (SELECT MIN(m.time_ms) FROM messages m WHERE m.conversation_id = c.id "
      "AND m.role = 'agent') - c.received_ms FROM conversations c "
      "WHERE c.received_ms >= $1 AND c.received_ms < $2",
      {since_ms, until_ms});
}

std::optional<std::vector<GapEvent>> Store::gap_events(std::int64_t since_ms,
                                                       std::int64_t until_ms) {
  std::optional<std::vector<GapEvent>> out;
  // Only the events that can be a signal: the many confident answers and
  // "yes" never leave the database.
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(dialect_.gap_events, {since_ms, until_ms});
    if (!rows.ok) return false;
    out.emplace();
    // Each conversation's facts are read once, however many signals it has.
    std::map<std::string, std::pair<std::string, std::string>> outcome_and_intent;
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      const std::string conversation = rows.text(r, 0);
      auto known = outcome_and_intent.find(conversation);
      if (known == outcome_and_intent.end()) {
        const auto facts = parse_facts(rows.text(r, 3));
        if (!facts) return damaged(out);
        known =
            outcome_and_intent.emplace(conversation, std::pair{outcome_of(*facts), facts->intent()})
                .first;
      }
      const auto fields = nlohmann::json::parse(rows.text(r, 2), nullptr, false);
      if (fields.is_discarded()) return damaged(out);
      out->push_back(
          {conversation, rows.text(r, 1), known->second.first, known->second.second, fields});
    }
    return true;
  });
  return out;
}

std::optional<std::vector<GapHandoff>> Store::gap_handoffs(std::int64_t since_ms,
                                                           std::int64_t until_ms) {
  std::optional<std::vector<GapHandoff>> out;
  with_connection([&](SqlSession& session) {
    const SqlResult rows = session.db.run(
        dialect_.gap_handoffs, {since_ms, until_ms, static_cast<std::int64_t>(kMaxGapHandoffs)});
    if (!rows.ok) return false;
    out.emplace();
    for (std::size_t r = 0; r < rows.rows.size(); ++r) {
      auto bundle = nlohmann::json::parse(rows.text(r, 1), nullptr, false);
      if (bundle.is_discarded()) return damaged(out);
      out->push_back({rows.text(r, 0), std::move(bundle), rows.text(r, 2)});
    }
    return true;
  });
  return out;
}

}  // namespace tandem::desk
