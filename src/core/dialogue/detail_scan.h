// The message as tokens with byte offsets, shared by the detail recognisers.
// Each recogniser claims the tokens it uses, so that later ones (run in
// extract_details' order) never read the same digits as something else.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "dialogue/details.h"

namespace tandem::dialogue::detail {

// ASCII-only case-insensitive comparison with a lower-case literal.
inline bool equals_lower(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

enum class TokenKind { kWord, kNumber, kSymbol };

// White space before a token: none ("4242-", "$4"), spaces, or a line break.
enum class Gap { kNone, kSpace, kBreak };

struct Token {
  TokenKind kind;
  Gap gap;
  std::size_t begin, end;
  char32_t symbol;  // the code point of a kSymbol token; U+FFFD for an invalid byte
};

class Scan {
 public:
  Scan(std::string_view message, const DetailContext& context);

  std::string_view message() const { return message_; }
  const DetailContext& context() const { return context_; }
  std::size_t size() const { return tokens_.size(); }
  const Token& token(std::size_t i) const { return tokens_[i]; }
  std::string_view text(std::size_t i) const {
    return message_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  std::string_view text(std::size_t first, std::size_t last) const;

  // Every predicate is false for an index past the end or a claimed token.
  bool free(std::size_t i) const { return i < tokens_.size() && !claimed_[i]; }
  bool number(std::size_t i) const { return is(i, TokenKind::kNumber); }
  bool number(std::size_t i, std::size_t min_digits, std::size_t max_digits) const;
  bool word(std::size_t i) const { return is(i, TokenKind::kWord); }
  bool word(std::size_t i, std::string_view lower) const {
    return word(i) && equals_lower(text(i), lower);
  }
  bool word_in(std::size_t i, std::initializer_list<std::string_view> lower) const;
  bool symbol(std::size_t i, char32_t cp) const;
  bool alnum(std::size_t i) const { return number(i) || word(i); }
  // Token i touches token i - 1 (nothing between them).
  bool glued(std::size_t i) const;
  bool glued_alnum_before(std::size_t i) const;
  bool glued_alnum_after(std::size_t i) const;
  // Token i does not continue a number-like run on its left / right: nothing
  // alphanumeric touches it, not even through "-/.:," ("12" in "3.12", "A12", "12/03").
  bool isolated_start(std::size_t i) const;
  bool isolated_end(std::size_t i) const;
  // The digits of token i as an int, or -1 if it is not a free number of at most 4 digits.
  int small_number(std::size_t i) const;

  void claim(std::size_t first, std::size_t last);
  // Records a detail spanning tokens first..last and claims them.
  void emit(DetailType type, std::string value, std::size_t first, std::size_t last);
  // Records a detail spanning bytes [begin, end) and claims the tokens it overlaps.
  void emit_bytes(DetailType type, std::string value, std::size_t begin, std::size_t end);

  std::vector<Detail> take_details();

 private:
  bool is(std::size_t i, TokenKind kind) const { return free(i) && tokens_[i].kind == kind; }

  std::string_view message_;
  const DetailContext& context_;
  std::vector<Token> tokens_;
  std::vector<bool> claimed_;
  std::vector<Detail> details_;
};

std::string to_upper(std::string_view text);
std::string to_lower(std::string_view text);

// The recognisers, in the order extract_details runs them.
void find_emails(Scan& scan);
void find_card_numbers(Scan& scan);
void find_card_last4(Scan& scan);
void find_dates(Scan& scan);
void find_order_ids(Scan& scan);
void find_amounts(Scan& scan);
void find_phones(Scan& scan);

}  // namespace tandem::dialogue::detail
