// Amounts of money: with a currency ("$45.20", "45.20 USD", "12,50 €", "45
// dollars", "US$5"), or a bare number right after a word about paying ("charged
// me 45.20", "a refund of 30"), in the context's default currency.
#include <optional>
#include <string>

#include "dialogue/detail_scan.h"
#include "text/currency.h"

namespace tandem::dialogue::detail {
namespace {

constexpr std::size_t kMaxAmountChars = 20;
constexpr std::size_t kMaxCurrencyWordChars = 8;
constexpr std::size_t kMaxCueFillers = 3;

struct Amount {
  std::string value;
  std::size_t first, last;
};

std::string_view symbol_currency(const Scan& s, std::size_t i) {
  if (!s.free(i) || s.token(i).kind != TokenKind::kSymbol) return {};
  return text::detail::currency_of_symbol(s.token(i).symbol);
}

text::detail::CurrencyWord word_currency(const Scan& s, std::size_t i) {
  if (!s.word(i) || s.text(i).size() > kMaxCurrencyWordChars) return {};
  return text::detail::currency_of_word(to_lower(s.text(i)));
}

// "US$", "C$", "A$"...: dollars other than the US's are written with a letter prefix.
std::string_view dollar_prefix_currency(const Scan& s, std::size_t dollar) {
  if (!s.glued_alnum_before(dollar) || !s.word(dollar - 1) || !s.isolated_start(dollar - 1)) {
    return {};
  }
  if (s.word(dollar - 1, "us")) return "usd";
  if (s.word_in(dollar - 1, {"c", "ca"})) return "cad";
  if (s.word_in(dollar - 1, {"a", "au"})) return "aud";
  if (s.word(dollar - 1, "nz")) return "nzd";
  if (s.word(dollar - 1, "hk")) return "hkd";
  if (s.word(dollar - 1, "s")) return "sgd";
  return {};
}

// The last token of digits joined by "," or "." ("1,299.00") starting at i.
std::optional<std::size_t> number_end(const Scan& s, std::size_t i) {
  if (!s.number(i) || !s.isolated_start(i)) return std::nullopt;
  std::size_t last = i;
  while ((s.symbol(last + 1, ',') || s.symbol(last + 1, '.')) && s.glued(last + 1) &&
         s.number(last + 2) && s.glued(last + 2) &&
         s.token(last + 2).end - s.token(i).begin <= kMaxAmountChars) {
    last += 2;
  }
  if (s.token(last).end - s.token(i).begin > kMaxAmountChars) return std::nullopt;
  return last;
}

// Currency written after the number, touching it or after a space.
std::string_view currency_after(const Scan& s, std::size_t last) {
  const std::size_t i = last + 1;
  if (i >= s.size() || s.token(i).gap == Gap::kBreak) return {};
  const std::string_view symbol = symbol_currency(s, i);
  if (!symbol.empty()) return symbol;
  if (!s.isolated_end(i)) return {};
  return word_currency(s, i).code;
}

Amount make_amount(const Scan& s, std::size_t number_first, std::size_t number_last,
                   std::string_view code, std::size_t first, std::size_t last) {
  return {text::detail::canonical_amount(s.text(number_first, number_last)) + " " + to_upper(code),
          first, last};
}

// "$45", "€ 12", "usd 25", "US$5", with a repeated code after it swallowed ("$5 usd").
std::optional<Amount> currency_first(const Scan& s, std::size_t i) {
  std::string_view code = symbol_currency(s, i);
  std::size_t first = i;
  if (code == "usd") {
    const std::string_view prefixed = dollar_prefix_currency(s, i);
    if (!prefixed.empty() && s.free(i - 1)) {
      code = prefixed;
      first = i - 1;
    }
  }
  if (code.empty() && !s.glued_alnum_before(i)) {
    const text::detail::CurrencyWord word = word_currency(s, i);
    if (word.may_lead) code = word.code;
  }
  if (code.empty() || !s.number(i + 1) || s.token(i + 1).gap == Gap::kBreak) return std::nullopt;
  const auto number_last = number_end(s, i + 1);
  if (!number_last) return std::nullopt;
  std::size_t last = *number_last;
  if (currency_after(s, last) == code) ++last;
  if (!s.isolated_end(last)) return std::nullopt;
  return make_amount(s, i + 1, *number_last, code, first, last);
}

bool after_payment_word(const Scan& s, std::size_t i) {
  std::size_t p = i - 1;
  for (std::size_t n = 0; n < kMaxCueFillers; ++n, --p) {
    if (!s.word_in(p, {"me",    "us",      "you",           "of",      "a",     "an",
                       "about", "around",  "approximately", "roughly", "only",  "just",
                       "over",  "was",     "were",          "is",      "extra", "twice",
                       "again", "already", "the",           "my",      "full"})) {
      break;
    }
  }
  return s.word_in(
      p, {"charged",  "charge",      "charges",  "paid",        "pay",   "payment", "refund",
          "refunded", "billed",      "cost",     "costs",       "price", "priced",  "total",
          "fee",      "debited",     "deducted", "overcharged", "spent", "amount",  "owe",
          "owed",     "transaction", "purchase", "bill"});
}

// After a bare number, a word that does not make it a count ("3 times", "2 items").
bool plain_after(const Scan& s, std::size_t last) {
  const std::size_t i = last + 1;
  if (!s.free(i)) return true;  // the end, or another detail ("45 yesterday")
  if (s.token(i).kind == TokenKind::kSymbol) return s.token(i).symbol != '%';
  return s.word_in(
      i,
      {"on",      "for",   "and",     "but",    "or",    "yesterday", "today",  "last", "this",
       "instead", "twice", "extra",   "more",   "too",   "which",     "when",   "at",   "in",
       "to",      "from",  "so",      "by",     "since", "already",   "again",  "then", "because",
       "as",      "with",  "without", "please", "even",  "though",    "that",   "each", "per",
       "plus",    "not",   "only",    "back",   "via",   "after",     "before", "into"});
}

std::optional<Amount> number_first(const Scan& s, std::size_t i) {
  const auto last = number_end(s, i);
  if (!last) return std::nullopt;
  const std::string_view code = currency_after(s, *last);
  if (!code.empty()) return make_amount(s, i, *last, code, i, *last + 1);
  const std::string& fallback = s.context().default_currency;
  if (fallback.empty() || !s.isolated_end(*last) || !plain_after(s, *last) ||
      !after_payment_word(s, i)) {
    return std::nullopt;
  }
  return make_amount(s, i, *last, fallback, i, *last);
}

}  // namespace

void find_amounts(Scan& scan) {
  for (std::size_t i = 0; i < scan.size(); ++i) {
    auto amount = currency_first(scan, i);
    if (!amount) amount = number_first(scan, i);
    if (!amount) continue;
    scan.emit(DetailType::kAmount, std::move(amount->value), amount->first, amount->last);
    i = amount->last;
  }
}

}  // namespace tandem::dialogue::detail
