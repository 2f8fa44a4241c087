// The character classes of BERT's basic tokenizer, as its Python reference
// defines them from the Unicode database (wordpiece_tables.inc).
#pragma once

namespace tandem::text::detail {

bool is_bert_whitespace(char32_t cp);
// Controls and format characters the tokenizer deletes (tab and newlines are white space).
bool is_bert_control(char32_t cp);
// ASCII symbols ('$', '+', '^', '`'...) count as punctuation too, as in BERT.
bool is_bert_punctuation(char32_t cp);
bool is_cjk_ideograph(char32_t cp);
bool is_nonspacing_mark(char32_t cp);
// Lower case for Latin, Greek and Cyrillic letters; other code points unchanged.
char32_t bert_lower(char32_t cp);
// The base letter of an accented lower-case Latin, Greek or Cyrillic letter
// (its NFD form without combining marks); other code points unchanged.
char32_t strip_accent(char32_t cp);

}  // namespace tandem::text::detail
