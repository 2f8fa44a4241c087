// Splits normalised text into word, number and money tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tandem::text {

enum class TokenKind { kWord, kNumber, kMoney };

struct Token {
  TokenKind kind;
  std::string text;  // the normalised surface form ("refund", "1,299.00", "25 usd")
};

// Expects the output of normalize(). Punctuation separates tokens and is dropped
// except inside numbers ("1,299.00"), apostrophes inside words ("don't") and
// currency symbols or codes attached to amounts ("$25", "25 eur", "€5").
//  - Words: letters of any script, digits mixed in ("4g", "a123b", "3rd").
//    Emoji and CJK ideographs are one-character words of their own.
//  - Numbers: digit runs joined by ',' '.' '/' ':' '-' between digits, kept as
//    written: "1,299.00", "3.5", "07/12", "10:30", "2024-01-05" are one token each.
//  - Money: an amount (digits, ',' and '.') with a currency symbol before or
//    after it, or an ISO code or currency name after it ("25 eur", "12.99
//    dollars", "£5 pounds"), or an unambiguous ISO code before it ("usd 25").
//    Its text is "<amount> <iso code>" with the amount spelled canonically:
//    "$1,299.00" -> "1299.00 usd", "5,50 €" -> "5.50 eur".
std::vector<Token> tokenize(std::string_view normalized);

// Placeholders that stand for every number and every amount of money in features.
inline constexpr std::string_view kNumberForm = "<num>";
inline constexpr std::string_view kMoneyForm = "<money>";

// The form a token takes in features: words as they are, numbers and money as
// placeholders, so "refund of $25" and "refund of $40" look alike to a model.
std::string feature_form(const Token& token);

}  // namespace tandem::text
