// The handoff bundle (ARCHITECTURE.md 3.3, docs/handoff-bundle.schema.json):
// everything a person needs to continue the conversation without asking the
// customer again, built from the session and the reply that handed off.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "dialogue/policy.h"
#include "dialogue/session.h"
#include "engine/model.h"

namespace tandem::handoff {

inline constexpr std::string_view kBundleSchema = "tandem.handoff/1";

// Empty fields are left out of the bundle.
struct PageInfo {
  std::string url, title, locale, user_agent;
};

// Only what the site or the customer supplied; the bot never guesses these.
struct CustomerInfo {
  std::string name, email, id;
};

struct BundleInput {
  std::string id;         // 8-64 of A-Z a-z 0-9 _ -; the receiver's idempotency key
  int64_t created_at_ms;  // ms since the epoch, rendered as UTC
  PageInfo page;
  CustomerInfo customer;
};

// An id the schema rejects gives an error; over-long page and customer fields
// are cut to the schema's bounds.
Expected<nlohmann::json> build_bundle(const engine::Model& model, const dialogue::Session& session,
                                      const dialogue::Reply& reply, const BundleInput& input);

// The one line for the ticket subject: the need, its priority, key details and
// the customer's own words, at most kSummaryMaxChars characters.
std::string summarize(const engine::Model& model, const dialogue::Session& session,
                      const dialogue::Reply& reply);

// "2025-11-25T14:03:41.512Z".
std::string rfc3339_utc(int64_t ms_since_epoch);

}  // namespace tandem::handoff
