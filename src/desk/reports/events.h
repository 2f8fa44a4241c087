// Outcome events from the widget (docs/metrics.md, "tandem.events/1"): a batch
// is checked whole against the schema, field by field, so that nothing but
// the documented codes and counts can be stored: no text, no identifiers.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

namespace tandem::desk {

struct Event {
  std::string id;            // the widget's, unique: the deduplication key
  std::string conversation;  // random per conversation, chosen by the widget
  std::string type;
  std::int64_t time_ms = 0;  // the browser's clock
  nlohmann::json fields;     // the type's own fields, already checked
};

// The events of a batch body, or the first problem found (with its index).
// max_events: a POST's limit; an exported file for offline reports has none.
std::variant<std::string, std::vector<Event>> parse_event_batch(const nlohmann::json& body,
                                                                std::size_t max_events);
// The event as the schema writes it (the inverse of parsing).
nlohmann::json event_json(const Event& event);

}  // namespace tandem::desk
