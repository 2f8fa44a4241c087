// Details (slots) a customer mentions in free text: order ids, emails, phone
// numbers, amounts, dates and the last four digits of a card, each in a
// canonical form the policy can check and a person can read in the bundle.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::dialogue {

enum class DetailType { kOrderId, kEmail, kPhone, kAmount, kDate, kCardLast4 };

// The names the knowledge base uses in an intent's "details" list.
std::string_view detail_name(DetailType type);
std::optional<DetailType> detail_from_name(std::string_view name);

struct CalendarDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
};

struct Detail {
  DetailType type;
  // Canonical form: "LP-482913", "jane@example.com", "+442079460958" (digits, with
  // "+" only if written), "45.20 USD", "2026-11-20", "4242".
  std::string value;
  std::string text;                // the detail as the customer wrote it, without cue words
  std::size_t begin = 0, end = 0;  // byte offsets of text in the message
};

struct DetailContext {
  CalendarDate today;                    // relative dates resolve against it; none if invalid
  std::string order_id_prefix;           // e.g. "LP-"; empty: order numbers only after cue words
  std::string default_currency = "USD";  // for amounts after "charged", "paid"...
};

// More details in one message than this are dropped: a message is not a form.
inline constexpr std::size_t kMaxDetailsPerMessage = 64;

// Finds the details in a message, in order of position. Full card numbers are
// recognised and deliberately not returned. Any bytes are accepted (invalid
// UTF-8 separates words) and time is linear in the message length.
std::vector<Detail> extract_details(std::string_view message, const DetailContext& context);

}  // namespace tandem::dialogue
