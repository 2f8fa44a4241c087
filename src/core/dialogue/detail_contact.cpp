// Contact details: email addresses and phone numbers.
#include <optional>
#include <string>

#include "dialogue/detail_scan.h"

namespace tandem::dialogue::detail {
namespace {

constexpr std::size_t kMaxLocalPart = 64;
constexpr std::size_t kMaxDomain = 253;
constexpr std::size_t kMaxLabel = 63;

constexpr std::size_t kMinInternationalDigits = 8;  // after "+"
constexpr std::size_t kMaxPhoneDigits = 15;         // E.164
constexpr std::size_t kMinNationalDigits = 10;      // "(415) 555-0132", "07700 900123"
constexpr std::size_t kMaxNationalDigits = 11;
constexpr std::size_t kMaxPhoneGroups = 6;
constexpr std::size_t kPhoneCueWindow = 4;  // tokens looked back at for "call me on"

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_local_char(char c) {
  return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain_char(char c) {
  return is_alnum(c) || c == '.' || c == '-';
}

bool valid_local_part(std::string_view local) {
  return !local.empty() && local.size() <= kMaxLocalPart && local.back() != '.' &&
         local.find("..") == std::string_view::npos;
}

// At least two labels of letters, digits and inner dashes, the last one letters only.
bool valid_domain(std::string_view domain) {
  if (domain.size() > kMaxDomain) return false;
  std::size_t labels = 0;
  std::string_view label;
  while (!domain.empty()) {
    const std::size_t dot = domain.find('.');
    label = domain.substr(0, dot);
    domain = dot == std::string_view::npos ? std::string_view() : domain.substr(dot + 1);
    if (label.empty() || label.size() > kMaxLabel || label.front() == '-' || label.back() == '-') {
      return false;
    }
    ++labels;
  }
  if (labels < 2 || label.size() < 2) return false;
  for (const char c : label) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

struct PhoneRun {
  std::string digits;
  std::size_t last = 0;
  std::size_t groups = 0;
  bool plus = false;
  bool parenthesised = false;
};

// Digit groups joined by spaces, dashes or dots, with an optional leading "+"
// and an area code in parentheses: "+44 20 7946 0958", "(415) 555-0132".
std::optional<PhoneRun> phone_run(const Scan& s, std::size_t i) {
  PhoneRun run;
  std::size_t k = i;
  if (s.glued_alnum_before(i)) return std::nullopt;
  if (s.symbol(k, '+')) {
    run.plus = true;
    if (!s.glued(++k)) return std::nullopt;
  } else if (s.token(i).gap == Gap::kSpace && s.number(i - 1)) {
    return std::nullopt;  // the run started earlier
  }
  for (;;) {
    const bool open = s.symbol(k, '(');
    if (open && !s.glued(++k)) return std::nullopt;
    if (!s.number(k)) return std::nullopt;
    const std::string_view group = s.text(k);
    // "+44 (0)20 7946 0958": the trunk prefix is not dialled from abroad.
    const bool trunk = run.plus && open && run.groups == 1 && group == "0";
    if (run.digits.size() + group.size() > kMaxPhoneDigits) return std::nullopt;
    if (run.groups > 0 && group.size() < 2 && !trunk) return std::nullopt;
    if (++run.groups > kMaxPhoneGroups) return std::nullopt;
    if (!trunk) run.digits += group;
    if (open) {
      if (!s.symbol(k + 1, ')') || !s.glued(k + 1)) return std::nullopt;
      ++k;
      run.parenthesised = true;
    }
    run.last = k;
    const bool spaced = k + 1 < s.size() && s.token(k + 1).gap == Gap::kSpace;
    if ((s.number(k + 1) || s.symbol(k + 1, '(')) && (spaced || (open && s.glued(k + 1)))) {
      k += 1;
    } else if ((s.symbol(k + 1, '-') || s.symbol(k + 1, '.')) && s.glued(k + 1) &&
               s.number(k + 2) && s.glued(k + 2)) {
      k += 2;
    } else {
      break;
    }
  }
  if (!s.isolated_end(run.last)) return std::nullopt;
  return run;
}

bool phone_cue_before(const Scan& s, std::size_t i) {
  for (std::size_t back = 1; back <= kPhoneCueWindow && back <= i; ++back) {
    if (s.word_in(i - back, {"phone", "mobile", "cell", "tel", "telephone", "call", "text", "reach",
                             "whatsapp", "number", "contact", "ring"})) {
      return true;
    }
  }
  return false;
}

bool is_phone(const Scan& s, std::size_t i, const PhoneRun& run) {
  const std::size_t n = run.digits.size();
  if (run.plus) return n >= kMinInternationalDigits;
  if (n < kMinNationalDigits || n > kMaxNationalDigits) return false;
  return run.groups >= 2 || run.parenthesised || phone_cue_before(s, i);
}

}  // namespace

void find_emails(Scan& scan) {
  const std::string_view m = scan.message();
  std::size_t floor = 0;  // left scans stop at the previous address: linear time
  for (std::size_t at = m.find('@'); at != std::string_view::npos; at = m.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > floor && is_local_char(m[begin - 1])) --begin;
    while (begin < at && !is_alnum(m[begin])) ++begin;  // "(jane@", "...jane@"
    std::size_t end = at + 1;
    while (end < m.size() && is_domain_char(m[end])) ++end;
    while (end > at + 1 && !is_alnum(m[end - 1])) --end;  // "jane@example.com."
    const std::string_view local = m.substr(begin, at - begin);
    const std::string_view domain = m.substr(at + 1, end - at - 1);
    if (!valid_local_part(local) || !valid_domain(domain)) continue;
    scan.emit_bytes(DetailType::kEmail, to_lower(m.substr(begin, end - begin)), begin, end);
    floor = end;
  }
}

void find_phones(Scan& scan) {
  for (std::size_t i = 0; i < scan.size(); ++i) {
    const auto run = phone_run(scan, i);
    if (!run || !is_phone(scan, i, *run)) continue;
    scan.emit(DetailType::kPhone, (run->plus ? "+" : "") + run->digits, i, run->last);
    i = run->last;
  }
}

}  // namespace tandem::dialogue::detail
