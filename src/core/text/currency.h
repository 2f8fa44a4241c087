// Currency symbols, codes and names recognised next to amounts, and the
// canonical spelling of an amount.
#pragma once

#include <string>
#include <string_view>

namespace tandem::text::detail {

// The lower-case ISO 4217 code a currency symbol stands for ("$" -> "usd"), or
// "" if cp is not a recognised currency symbol.
std::string_view currency_of_symbol(char32_t cp);

struct CurrencyWord {
  std::string_view code;  // ISO 4217 in lower case, "" if the word is not a currency
  bool may_lead = false;  // also recognised before an amount ("usd 25", "rs 500")
};

// Looks up a currency code or name ("eur", "dollars", "quid").
CurrencyWord currency_of_word(std::string_view word);

// Spells an amount of digits and ',' / '.' separators canonically: grouping
// separators removed, decimal separator '.'. The last separator is the decimal
// one when both kinds appear ("1.299,00" -> "1299.00"); a lone comma is decimal
// only before one or two digits ("5,50" -> "5.50", "1,299" -> "1299"); several
// dots are grouping ("1.000.000" -> "1000000").
std::string canonical_amount(std::string_view number);

}  // namespace tandem::text::detail
