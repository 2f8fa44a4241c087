#include "text/currency.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace tandem::text::detail {
namespace {

struct Entry {
  std::string_view word;
  std::string_view code;
  bool may_lead;
};

// Sorted by word. Codes that are also everyday words may only follow an amount
// ("php 8", "rub 2 drops in"); "try" (Turkish lira) is left out altogether.
constexpr std::array<Entry, 75> kWords = {{
    {"aed", "aed", true},      {"aud", "aud", true},      {"baht", "thb", false},
    {"brl", "brl", true},      {"buck", "usd", false},    {"bucks", "usd", false},
    {"cad", "cad", true},      {"chf", "chf", true},      {"cny", "cny", true},
    {"czk", "czk", true},      {"dirham", "aed", false},  {"dirhams", "aed", false},
    {"dkk", "dkk", true},      {"dollar", "usd", false},  {"dollars", "usd", false},
    {"egp", "egp", true},      {"eur", "eur", true},      {"euro", "eur", false},
    {"euros", "eur", false},   {"franc", "chf", false},   {"francs", "chf", false},
    {"gbp", "gbp", true},      {"hkd", "hkd", true},      {"hryvnia", "uah", false},
    {"huf", "huf", true},      {"idr", "idr", true},      {"ils", "ils", true},
    {"inr", "inr", true},      {"jpy", "jpy", true},      {"krw", "krw", true},
    {"lira", "try", false},    {"mxn", "mxn", true},      {"myr", "myr", true},
    {"naira", "ngn", false},   {"ngn", "ngn", true},      {"nis", "ils", false},
    {"nok", "nok", true},      {"nzd", "nzd", true},      {"peso", "mxn", false},
    {"pesos", "mxn", false},   {"php", "php", false},     {"pln", "pln", true},
    {"pound", "gbp", false},   {"pounds", "gbp", false},  {"quid", "gbp", false},
    {"reais", "brl", false},   {"ringgit", "myr", false}, {"riyal", "sar", false},
    {"riyals", "sar", false},  {"rmb", "cny", true},      {"rouble", "rub", false},
    {"roubles", "rub", false}, {"rs", "inr", true},       {"rub", "rub", false},
    {"ruble", "rub", false},   {"rubles", "rub", false},  {"rupee", "inr", false},
    {"rupees", "inr", false},  {"rupiah", "idr", false},  {"sar", "sar", true},
    {"sek", "sek", true},      {"sgd", "sgd", true},      {"shekel", "ils", false},
    {"shekels", "ils", false}, {"thb", "thb", true},      {"uah", "uah", true},
    {"usd", "usd", true},      {"vnd", "vnd", true},      {"yen", "jpy", false},
    {"yuan", "cny", false},    {"zar", "zar", true},      {"zl", "pln", false},
    {"zloty", "pln", false},   {"zlotych", "pln", false}, {"zlotys", "pln", false},
}};

constexpr bool sorted_by_word() {
  for (std::size_t i = 1; i < kWords.size(); ++i) {
    if (!(kWords[i - 1].word < kWords[i].word)) return false;
  }
  return true;
}
static_assert(sorted_by_word(), "kWords must stay sorted for binary search");

}  // namespace

std::string_view currency_of_symbol(char32_t cp) {
  switch (cp) {
    case '$':
      return "usd";
    case 0xA3:
      return "gbp";
    case 0xA5:
      return "jpy";
    case 0x20A6:
      return "ngn";
    case 0x20A9:
      return "krw";
    case 0x20AA:
      return "ils";
    case 0x20AB:
      return "vnd";
    case 0x20AC:
      return "eur";
    case 0x20B1:
      return "php";
    case 0x20B4:
      return "uah";
    case 0x20B9:
      return "inr";
    case 0x20BA:
      return "try";
    case 0x20BD:
      return "rub";
    default:
      return {};
  }
}

CurrencyWord currency_of_word(std::string_view word) {
  const auto it = std::lower_bound(kWords.begin(), kWords.end(), word,
                                   [](const Entry& e, std::string_view w) { return e.word < w; });
  if (it == kWords.end() || it->word != word) return {};
  return {it->code, it->may_lead};
}

std::string canonical_amount(std::string_view number) {
  const std::size_t last_dot = number.rfind('.');
  const std::size_t last_comma = number.rfind(',');
  const bool has_dot = last_dot != std::string_view::npos;
  const bool has_comma = last_comma != std::string_view::npos;
  std::size_t decimal = std::string_view::npos;
  if (has_dot && has_comma) {
    decimal = std::max(last_dot, last_comma);
  } else if (has_comma) {
    const bool single = number.find(',') == last_comma;
    if (single && number.size() - last_comma <= 3) decimal = last_comma;
  } else if (has_dot) {
    if (number.find('.') == last_dot) decimal = last_dot;
  }
  std::string out;
  out.reserve(number.size());
  for (std::size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if (c >= '0' && c <= '9') {
      out.push_back(c);
    } else if (i == decimal) {
      out.push_back('.');
    }
  }
  return out;
}

}  // namespace tandem::text::detail
