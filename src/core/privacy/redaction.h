// Masks payment data and knowledge-base patterns in text before it leaves the
// browser (transcript and handoff bundle, ARCHITECTURE.md 3.3). When in doubt it
// masks: a mangled order number costs a question, a leaked card costs far more.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tandem::privacy {

// A pattern from the knowledge base, e.g. {"national_id", "9999-9999-99"}.
// Pattern syntax, one element per character:
//   9  one digit          A  one letter          ?  one letter or digit
//   *  a run of one or more letters and digits; it takes the whole run and
//      never gives any back, so what follows it must be neither ("*-99" works,
//      "*9" cannot match and is rejected)
//   \x the character x itself ("\A", "\9", "\*", "\\")
//   anything else matches itself, ignoring ASCII case ("ord-" matches "ORD-").
// "Letter" means any non-ASCII letter too; digits include fullwidth ones. A match
// that starts or ends with a letter or digit must be a whole word: "9999" does
// not match inside "ORD12345". Matching takes one pass per start position, so
// time is linear in the text for a pattern (at most 64 characters).
struct RedactionRule {
  std::string name;  // the mask is "[<name>]"
  std::string pattern;
};

struct Redaction {
  std::string kind;  // "card_number", "cvv", "iban" or a rule's name
  std::size_t count;
};

struct Redacted {
  std::string text;
  // card_number, cvv, iban, then rules in the order given; only kinds found.
  std::vector<Redaction> redactions;
};

// Why a rule cannot be used (for knowledge-base validation), or nullopt.
// redact() skips rules that have a problem.
std::optional<std::string> rule_problem(const RedactionRule& rule);

// Masks, in this order of precedence (later kinds never claim masked text):
// - IBANs (2 letters, 2 check digits, 11-30 letters or digits, single spaces
//   between groups, 15-34 characters, mod-97 valid) -> "[iban GB•• •••• 5432]",
//   keeping the country and the last four; the length is not revealed.
// - Card numbers: 13-19 digits, Luhn-valid, in any grouping with 1-3 spaces,
//   dashes or dots between groups -> "[card •••• 4242]". Any run of whole groups
//   may be the card, so an expiry date or CVV written next to it does not hide
//   it. Letters do not protect digits: "AB4242424242424242CD" is masked. A run
//   of more than 19 digits without a separator is one longer number (a
//   tracking number), not a card.
// - Each rule's matches, rules in the order given -> "[<name>]".
// - CVV-like codes: 3-4 digit numbers within five words of "cvv", "cvc",
//   "security code", "on the back" and the like -> "[cvv]", except just after
//   "ending", "ends" or "last" (the card's last four, which may be sent).
// The output is valid UTF-8: each byte of the input that is not part of
// well-formed UTF-8 becomes U+FFFD. Redactions never carry masked values.
Redacted redact(std::string_view text, const std::vector<RedactionRule>& rules = {});

}  // namespace tandem::privacy
