// Order and reference ids: the knowledge base's prefix ("LP-482913", "lp482913",
// "LP 482913"), or what follows a cue ("order number 123456", "order #A12-9981",
// "#A12-9981").
#include <optional>
#include <string>

#include "dialogue/detail_scan.h"

namespace tandem::dialogue::detail {
namespace {

constexpr std::size_t kMinIdChars = 4;
constexpr std::size_t kMaxIdChars = 32;
constexpr std::size_t kMinIdDigits = 3;  // fewer is a count ("order 2 more")
constexpr std::size_t kMaxCueFillers = 3;

struct IdMatch {
  std::string value;
  std::size_t first, last;
};

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::size_t count_digits(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += is_digit(c) ? 1 : 0;
  return n;
}

// The last token covering byte end - 1, if every token from i to it is free.
std::optional<std::size_t> free_tokens_until(const Scan& s, std::size_t i, std::size_t end) {
  for (std::size_t j = i; s.free(j); ++j) {
    if (s.token(j).end >= end) return j;
  }
  return std::nullopt;
}

// The prefix's letters and digits as written, in any case, then at most one
// separator, then a body starting with a digit: "LP-482913", "lp482913", "LP 482913".
std::optional<IdMatch> prefixed_id(const Scan& s, std::size_t i) {
  const std::string& prefix = s.context().order_id_prefix;
  std::string core;
  for (const char c : prefix) {
    if (is_alnum(c)) core.push_back(lower(c));
  }
  if (core.empty() || !s.alnum(i) || s.glued_alnum_before(i)) return std::nullopt;
  const std::string_view m = s.message();
  std::size_t pos = s.token(i).begin;
  for (const char c : core) {
    if (pos >= m.size() || lower(m[pos]) != c) return std::nullopt;
    ++pos;
  }
  if (pos < m.size() && (m[pos] == '-' || m[pos] == '_' || m[pos] == ' ' || m[pos] == '#')) ++pos;
  const std::size_t body = pos;
  while (pos < m.size() && is_alnum(m[pos]) && pos - body <= kMaxIdChars) ++pos;
  const std::string_view text = m.substr(body, pos - body);
  if (text.empty() || !is_digit(text.front()) || text.size() > kMaxIdChars ||
      count_digits(text) < kMinIdDigits) {
    return std::nullopt;
  }
  const auto last = free_tokens_until(s, i, pos);
  if (!last || !s.isolated_end(*last)) return std::nullopt;
  return IdMatch{prefix + to_upper(text), i, *last};
}

// Letters and digits joined by "-" or "_": "123456", "A12-9981". A prefix
// configured in the knowledge base goes before bare digits ("482913" -> "LP-482913").
std::optional<IdMatch> cued_id(const Scan& s, std::size_t i) {
  if (auto prefixed = prefixed_id(s, i)) return prefixed;
  if (!s.alnum(i) || !s.isolated_start(i)) return std::nullopt;
  // Never reads past kMaxIdChars, so that a megabyte of "a1a1..." costs nothing.
  const auto fits = [&](std::size_t j) { return s.token(j).end - s.token(i).begin <= kMaxIdChars; };
  std::size_t last = i;
  for (;;) {
    if (s.alnum(last + 1) && s.glued(last + 1) && fits(last + 1)) {
      last += 1;
    } else if ((s.symbol(last + 1, '-') || s.symbol(last + 1, '_')) && s.glued(last + 1) &&
               s.alnum(last + 2) && s.glued(last + 2) && fits(last + 2)) {
      last += 2;
    } else {
      break;
    }
  }
  const std::string_view text = s.text(i, last);
  const std::size_t digits = count_digits(text);
  if (text.size() < kMinIdChars || text.size() > kMaxIdChars || digits < kMinIdDigits ||
      !s.isolated_end(last)) {
    return std::nullopt;
  }
  const std::string& prefix = s.context().order_id_prefix;
  const bool bare_digits = digits == text.size();
  return IdMatch{bare_digits && !prefix.empty() ? prefix + std::string(text) : to_upper(text), i,
                 last};
}

// The token after "order number", "ref:", "order no. #", "booking reference is"..., or 0.
std::size_t after_cue(const Scan& s, std::size_t i) {
  if (!s.word_in(i, {"order", "ref", "reference", "confirmation", "booking", "invoice"})) {
    return 0;
  }
  std::size_t j = i + 1;
  for (std::size_t n = 0; n < kMaxCueFillers; ++n, ++j) {
    const bool filler =
        s.word_in(j, {"number", "no", "num", "nr", "id", "code", "reference", "is", "was"}) ||
        s.symbol(j, '#') || s.symbol(j, ':') || s.symbol(j, '.') || s.symbol(j, '-');
    if (!filler) break;
  }
  return j;
}

std::optional<IdMatch> order_id_at(const Scan& s, std::size_t i) {
  if (auto prefixed = prefixed_id(s, i)) return prefixed;
  if (const std::size_t j = after_cue(s, i)) return cued_id(s, j);
  if (s.symbol(i, '#') && s.glued(i + 1)) return cued_id(s, i + 1);
  return std::nullopt;
}

}  // namespace

void find_order_ids(Scan& scan) {
  for (std::size_t i = 0; i < scan.size(); ++i) {
    auto match = order_id_at(scan, i);
    if (!match) continue;
    scan.emit(DetailType::kOrderId, std::move(match->value), match->first, match->last);
    i = match->last;
  }
}

}  // namespace tandem::dialogue::detail
