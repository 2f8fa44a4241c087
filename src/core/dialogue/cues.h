// What a customer's wording says besides its intent: frustration, that an
// answer did not help, that they will not give a detail. Word and phrase lists
// over the normalised text, in one place for the policy.
#pragma once

#include <optional>
#include <string_view>

#include "dialogue/details.h"

namespace tandem::dialogue {

// How frustrated one message sounds, 0 when calm: negative wording, profanity,
// shouting in capitals, runs of "!!!" or "???". The session adds it up with decay.
float frustration_signal(std::string_view message);

// "that didn't help", "not what I asked", "wrong answer".
bool says_not_helpful(std::string_view message);

// "I don't have it", "skip", "rather not say", "I'm not giving you that": the
// customer will not give the detail.
bool declines_detail(std::string_view message);

// "a person", "someone", "an agent", "staff": the message names a person,
// which a refusal or a complaint about an answer need not do.
bool names_person(std::string_view message);

// "talk to", "get me", "call me", "a human", "is there anyone": the message
// reaches for a person, where "your staff were rude" only names one.
bool reaches_for_person(std::string_view message);

// A short yes ("yes", "yep, that one") or no ("no", "something else") to a
// one-choice "Did you mean ...?"; a longer reply is read as a new message.
bool affirms(std::string_view message);
bool denies(std::string_view message);

// The detail a message names in words ("my email", "the order number"), if one.
std::optional<DetailType> detail_named(std::string_view message);

// How many words of the text say something beyond the details it carries
// ("it's", "my email is", "order number", "thanks" do not): a reply of order
// number and email alone answers a question rather than asking one.
int content_words(std::string_view text);

}  // namespace tandem::dialogue
