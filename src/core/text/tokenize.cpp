#include "text/tokenize.h"

#include <array>

#include "text/currency.h"
#include "text/utf8.h"

namespace tandem::text {
namespace {

enum class CharClass : unsigned char {
  kSeparator,   // white space, punctuation, invalid bytes: ends a token, is dropped
  kLetter,      // letters of any script, and anything not known to be punctuation
  kDigit,       // ASCII digits (normalize() leaves other digits alone)
  kApostrophe,  // kept only between two letters or digits ("don't")
  kStandalone,  // a token of its own: CJK ideographs (no spaces between words), emoji
  kCurrency,    // a currency symbol
};

constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> table{};  // all kSeparator
  for (int c = 'a'; c <= 'z'; ++c) table[c] = CharClass::kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = CharClass::kLetter;
  for (int c = '0'; c <= '9'; ++c) table[c] = CharClass::kDigit;
  table['\''] = CharClass::kApostrophe;
  table['$'] = CharClass::kCurrency;
  return table;
}
constexpr std::array<CharClass, 128> kAsciiClasses = make_ascii_classes();

// Without Unicode property tables, non-ASCII code points count as letters unless
// they fall in a block of punctuation or symbols.
CharClass classify_non_ascii(char32_t cp) {
  if (!detail::currency_of_symbol(cp).empty()) return CharClass::kCurrency;
  if (cp == 0x2019) return CharClass::kApostrophe;  // un-normalised input
  if (cp < 0xC0) {
    const bool letter = cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    return letter ? CharClass::kLetter : CharClass::kSeparator;
  }
  if (cp == 0xD7 || cp == 0xF7) return CharClass::kSeparator;
  const bool punctuation = (cp >= 0x2000 && cp <= 0x20CF) ||    // general punctuation, currency
                           (cp >= 0x2E00 && cp <= 0x2E7F) ||    // supplemental punctuation
                           (cp >= 0x3000 && cp <= 0x303F) ||    // CJK punctuation
                           (cp >= 0xE000 && cp <= 0xF8FF) ||    // private use
                           (cp >= 0xFE10 && cp <= 0xFE6F) ||    // vertical, small forms
                           (cp >= 0xFF00 && cp <= 0xFF65) ||    // fullwidth left-overs
                           (cp >= 0x1F3FB && cp <= 0x1F3FF) ||  // skin tone modifiers
                           cp == 0xFFFD;
  if (punctuation) return CharClass::kSeparator;
  const bool standalone = (cp >= 0x2190 && cp <= 0x2BFF) ||    // arrows, math, symbols
                          (cp >= 0x3400 && cp <= 0x4DBF) ||    // CJK extension A
                          (cp >= 0x4E00 && cp <= 0x9FFF) ||    // CJK unified ideographs
                          (cp >= 0xF900 && cp <= 0xFAFF) ||    // CJK compatibility
                          (cp >= 0x1F000 && cp <= 0x1FAFF) ||  // emoji and pictographs
                          (cp >= 0x20000 && cp <= 0x3FFFF);    // CJK extensions B..
  return standalone ? CharClass::kStandalone : CharClass::kLetter;
}

struct Char {
  char32_t cp;
  std::size_t length;
  CharClass cls;
};

Char char_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return {0, 0, CharClass::kSeparator};
  const auto byte = static_cast<unsigned char>(s[pos]);
  if (byte < 0x80) return {byte, 1, kAsciiClasses[byte]};
  char32_t cp = 0;
  const std::size_t length = detail::decode_utf8(s, pos, cp);
  if (length == 0) return {0, 1, CharClass::kSeparator};
  return {cp, length, classify_non_ascii(cp)};
}

bool is_alnum(CharClass cls) {
  return cls == CharClass::kLetter || cls == CharClass::kDigit;
}

std::size_t skip_while(std::string_view s, std::size_t pos, CharClass cls) {
  for (Char c = char_at(s, pos); c.cls == cls; c = char_at(s, pos)) pos += c.length;
  return pos;
}

// End of the letters, digits and inner apostrophes starting at pos.
std::size_t word_end(std::string_view s, std::size_t pos) {
  for (;;) {
    const Char c = char_at(s, pos);
    if (is_alnum(c.cls)) {
      pos += c.length;
    } else if (c.cls == CharClass::kApostrophe && is_alnum(char_at(s, pos + c.length).cls)) {
      pos += c.length;
    } else {
      return pos;
    }
  }
}

// A first pass splits text into lexemes; a second joins amounts and currencies.
enum class LexKind { kWord, kNumber, kCurrency };

struct Lexeme {
  LexKind kind;
  std::size_t begin;
  std::size_t end;
  bool amount = false;          // kNumber: only digits, ',' and '.', so it can be money
  std::string_view currency{};  // kCurrency: ISO code of the symbol
};

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) { lexemes_.reserve(s.size() / 4 + 1); }

  std::vector<Lexeme> run() && {
    std::size_t pos = 0;
    while (pos < s_.size()) {
      const Char c = char_at(s_, pos);
      switch (c.cls) {
        case CharClass::kSeparator:
        case CharClass::kApostrophe:
          pos += c.length;
          break;
        case CharClass::kStandalone:
          lexemes_.push_back({LexKind::kWord, pos, pos + c.length});
          pos += c.length;
          break;
        case CharClass::kCurrency:
          lexemes_.push_back(
              {LexKind::kCurrency, pos, pos + c.length, false, detail::currency_of_symbol(c.cp)});
          pos += c.length;
          break;
        case CharClass::kDigit:
          pos = number(pos);
          break;
        case CharClass::kLetter:
          pos = word(pos);
          break;
      }
    }
    return std::move(lexemes_);
  }

 private:
  bool is_currency_word(std::size_t begin, std::size_t end, bool leading) const {
    const detail::CurrencyWord w = detail::currency_of_word(s_.substr(begin, end - begin));
    return !w.code.empty() && (w.may_lead || !leading);
  }

  std::size_t word(std::size_t begin) {
    const std::size_t letters = skip_while(s_, begin, CharClass::kLetter);
    // "usd25", "rs500": a code glued to the amount it leads.
    const bool code_then_digits = char_at(s_, letters).cls == CharClass::kDigit &&
                                  is_currency_word(begin, letters, /*leading=*/true);
    const std::size_t end = code_then_digits ? letters : word_end(s_, letters);
    lexemes_.push_back({LexKind::kWord, begin, end});
    return end;
  }

  // Digits with inner separators: "1,299.00", "3.5", "07/12", "10:30", "2024-01-05".
  // A plain digit run glued to letters is a word ("4g", "3rd") unless the letters
  // are a currency ("25usd").
  std::size_t number(std::size_t begin) {
    std::size_t pos = skip_while(s_, begin, CharClass::kDigit);
    const std::size_t digits_end = pos;
    bool amount = true;
    while (pos + 1 < s_.size() && char_at(s_, pos + 1).cls == CharClass::kDigit) {
      const char sep = s_[pos];
      if (sep != ',' && sep != '.' && sep != '/' && sep != ':' && sep != '-') break;
      amount = amount && (sep == ',' || sep == '.');
      pos = skip_while(s_, pos + 1, CharClass::kDigit);
    }
    if (pos == digits_end) {
      const std::size_t letters = skip_while(s_, pos, CharClass::kLetter);
      const std::size_t end = word_end(s_, letters);
      if (end > pos && !(letters == end && is_currency_word(pos, end, /*leading=*/false))) {
        lexemes_.push_back({LexKind::kWord, begin, end});
        return end;
      }
    }
    lexemes_.push_back({LexKind::kNumber, begin, pos, amount});
    return pos;
  }

  std::string_view s_;
  std::vector<Lexeme> lexemes_;
};

class MoneyJoiner {
 public:
  MoneyJoiner(std::string_view s, std::vector<Lexeme> lexemes)
      : s_(s), lexemes_(std::move(lexemes)) {
    tokens_.reserve(lexemes_.size());
  }

  std::vector<Token> run() && {
    std::size_t i = 0;
    while (i < lexemes_.size()) i = step(i);
    return std::move(tokens_);
  }

 private:
  std::string_view text(const Lexeme& l) const { return s_.substr(l.begin, l.end - l.begin); }

  // Only spaces may sit between an amount and its currency.
  bool adjacent(std::size_t i) const {
    if (i + 1 >= lexemes_.size()) return false;
    for (std::size_t p = lexemes_[i].end; p < lexemes_[i + 1].begin; ++p) {
      if (s_[p] != ' ') return false;
    }
    return true;
  }

  bool amount_follows(std::size_t i) const {
    return adjacent(i) && lexemes_[i + 1].kind == LexKind::kNumber && lexemes_[i + 1].amount;
  }

  // The ISO code of lexeme i + 1 when it is a currency right after lexeme i.
  std::string_view currency_after(std::size_t i, bool symbols_too) const {
    if (!adjacent(i)) return {};
    const Lexeme& next = lexemes_[i + 1];
    if (next.kind == LexKind::kCurrency) return symbols_too ? next.currency : std::string_view{};
    if (next.kind != LexKind::kWord) return {};
    return detail::currency_of_word(text(next)).code;
  }

  void money(const Lexeme& amount, std::string_view code) {
    std::string out = detail::canonical_amount(text(amount));
    out += ' ';
    out += code;
    tokens_.push_back({TokenKind::kMoney, std::move(out)});
  }

  std::size_t step(std::size_t i) {
    const Lexeme& l = lexemes_[i];
    switch (l.kind) {
      case LexKind::kCurrency: {               // "$25", "€ 5.50", "$25 cad" (the code wins)
        if (!amount_follows(i)) return i + 1;  // a lone symbol is punctuation
        const std::string_view code = currency_after(i + 1, /*symbols_too=*/false);
        money(lexemes_[i + 1], code.empty() ? l.currency : code);
        return code.empty() ? i + 2 : i + 3;
      }
      case LexKind::kNumber: {  // "25$", "25 €", "12.99 dollars"
        // In "5 €10" the symbol belongs to the amount it leads, not to the 5.
        const bool symbol_leads_next = i + 1 < lexemes_.size() &&
                                       lexemes_[i + 1].kind == LexKind::kCurrency &&
                                       amount_follows(i + 1);
        const std::string_view code = l.amount && !symbol_leads_next
                                          ? currency_after(i, /*symbols_too=*/true)
                                          : std::string_view{};
        if (!code.empty()) {
          money(l, code);
          return i + 2;
        }
        tokens_.push_back({TokenKind::kNumber, std::string(text(l))});
        return i + 1;
      }
      case LexKind::kWord: {  // "usd 25", "eur 5.50"
        if (amount_follows(i)) {
          const detail::CurrencyWord w = detail::currency_of_word(text(l));
          if (w.may_lead) {
            money(lexemes_[i + 1], w.code);
            return i + 2;
          }
        }
        tokens_.push_back({TokenKind::kWord, std::string(text(l))});
        return i + 1;
      }
    }
    return i + 1;
  }

  std::string_view s_;
  std::vector<Lexeme> lexemes_;
  std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> tokenize(std::string_view normalized) {
  return MoneyJoiner(normalized, Lexer(normalized).run()).run();
}

std::string feature_form(const Token& token) {
  switch (token.kind) {
    case TokenKind::kNumber:
      return std::string(kNumberForm);
    case TokenKind::kMoney:
      return std::string(kMoneyForm);
    case TokenKind::kWord:
      break;
  }
  return token.text;
}

}  // namespace tandem::text
