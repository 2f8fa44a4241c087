// Splits normalised text into word, number and money tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tandem::text {

enum class TokenKind { kWord, kNumber, kMoney };

struct Token {
  TokenKind kind;
  std::string text;  // the normalised surface form ("25.50", "$25", "refund")
};

// Expects the output of normalize(). Punctuation separates tokens and is dropped
// except inside numbers ("1,299.00"), apostrophes inside words ("don't") and
// currency symbols or codes attached to amounts ("$25", "25 eur", "€5").
std::vector<Token> tokenize(std::string_view normalized);

// The form a token takes in features: words as they are, numbers and money as
// placeholders, so "refund of $25" and "refund of $40" look alike to a model.
std::string feature_form(const Token& token);

}  // namespace tandem::text
