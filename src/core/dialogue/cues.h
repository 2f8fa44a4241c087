// What a customer's wording says besides its intent: frustration, that an
// answer did not help, that they will not give a detail. Word and phrase lists
// over the normalised text, in one place for the policy.
#pragma once

#include <string_view>

namespace tandem::dialogue {

// How frustrated one message sounds, 0 when calm: negative wording, profanity,
// shouting in capitals, runs of "!!!" or "???". The session adds it up with decay.
float frustration_signal(std::string_view message);

// "that didn't help", "not what I asked", "wrong answer".
bool says_not_helpful(std::string_view message);

// "I don't have it", "skip", "rather not say": the customer will not give the detail.
bool declines_detail(std::string_view message);

}  // namespace tandem::dialogue
