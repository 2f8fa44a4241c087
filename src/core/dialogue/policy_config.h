// The numbers and English texts of the conversation policy, in one place. The
// knowledge base's policy and messages override what it covers (thresholds of
// the engine, low_confidence_turns, the handoff and fallback texts).
#pragma once

#include <cstddef>
#include <string_view>

namespace tandem::dialogue {

// Frustration: each customer message adds its signal to the session's score
// after the score decays; at the threshold the bot steps back. A message with
// two negative words and shouting reaches it alone; one terse "useless" does not.
inline constexpr float kFrustrationThreshold = 1.0f;
inline constexpr float kFrustrationDecay = 0.6f;  // per customer message
inline constexpr float kNegativeWordWeight = 0.35f;
inline constexpr float kProfanityWeight = 0.55f;
inline constexpr float kShoutingWeight = 0.4f;
inline constexpr float kRepeatedMarksWeight = 0.3f;
inline constexpr float kFailureWeight = 0.2f;  // the bot did not understand
inline constexpr std::size_t kShoutingMinLetters = 8;

// Replies that did not give an asked-for detail before a sensitive intent goes
// to a person without it.
inline constexpr int kSensitiveDetailMisses = 2;

// A message this sure of a different intent leaves the detail question behind.
inline constexpr float kSwitchIntentConfidence = 0.5f;

// Clarify offers at most this many choices.
inline constexpr std::size_t kClarifyChoices = 2;

// The one-line summary of a bundle.
inline constexpr std::size_t kSummaryMaxChars = 140;
inline constexpr std::size_t kSummaryQuoteChars = 60;

namespace texts {
inline constexpr std::string_view kAskOrderId =
    "What's the order number? You'll find it in your confirmation email.";
inline constexpr std::string_view kAskEmail = "What email address is your account registered with?";
inline constexpr std::string_view kAskPhone = "What phone number can we reach you on?";
inline constexpr std::string_view kAskAmount = "How much was the payment?";
inline constexpr std::string_view kAskDate =
    "When did it happen? A date like \"last Friday\" or \"3 March\" is fine.";
inline constexpr std::string_view kAskCardLast4 =
    "What are the last four digits of the card? Please don't send the full number.";
inline constexpr std::string_view kCollectForPerson =
    "I'll pass this to a member of our team. So they won't need to ask again: ";
inline constexpr std::string_view kAskAgain = "Sorry, I still need this one. ";
inline constexpr std::string_view kClarifyOr = " or ";
}  // namespace texts

}  // namespace tandem::dialogue
