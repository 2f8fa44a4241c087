// What a conversation that ended without a person amounted to, for the quality
// metrics: the intents it was about and how it went.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialogue/session.h"

namespace tandem::dialogue {

enum class Outcome { kResolved, kAbandoned, kHelpful, kNotHelpful };
std::string_view outcome_name(Outcome outcome);

struct Screening {
  std::vector<std::string> intents;  // answered or asked about, first seen first
  Outcome outcome = Outcome::kAbandoned;
};

// The customer's latest feedback decides when there is one; otherwise a
// conversation whose last bot turn answered is resolved and any other
// (left at a question, a fallback or before any reply) abandoned. Nothing for
// a conversation handed to a person: its bundle says what it was.
std::optional<Screening> screen(const Session& session);

}  // namespace tandem::dialogue
