#include "privacy/redaction.h"

#include <algorithm>
#include <utility>

#include "privacy/card_scan.h"
#include "privacy/cvv_scan.h"
#include "privacy/findings.h"
#include "privacy/glyphs.h"
#include "privacy/iban_scan.h"
#include "privacy/rule_pattern.h"

namespace tandem::privacy {

namespace {

constexpr std::size_t kMaxRuleNameBytes = 64;

bool is_builtin_kind(const std::string& name) {
  return name == detail::kCardKind || name == detail::kCvvKind || name == detail::kIbanKind;
}

// Kinds are listed in a fixed order (built-ins, then rules as given) so that the
// list does not reveal where in the text each mask was.
std::vector<Redaction> tally(const std::vector<detail::Span>& spans,
                             const std::vector<RedactionRule>& rules) {
  std::vector<Redaction> redactions;
  std::vector<std::string> order = {detail::kCardKind, detail::kCvvKind, detail::kIbanKind};
  for (const RedactionRule& rule : rules) order.push_back(rule.name);
  for (const std::string& kind : order) {
    const auto listed = [&](const Redaction& r) { return r.kind == kind; };
    if (std::any_of(redactions.begin(), redactions.end(), listed)) continue;
    const auto n = std::count_if(spans.begin(), spans.end(),
                                 [&](const detail::Span& span) { return span.kind == kind; });
    if (n > 0) redactions.push_back({kind, static_cast<std::size_t>(n)});
  }
  return redactions;
}

std::string apply(const detail::GlyphText& text, std::vector<detail::Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const detail::Span& a, const detail::Span& b) { return a.begin < b.begin; });
  std::string out;
  out.reserve(text.utf8.size());
  std::size_t copied = 0;  // glyph index
  for (const detail::Span& span : spans) {
    out.append(text.utf8, text.byte(copied), text.byte(span.begin) - text.byte(copied));
    out += span.mask;
    copied = span.end;
  }
  out.append(text.utf8, text.byte(copied), std::string::npos);
  return out;
}

}  // namespace

std::optional<std::string> rule_problem(const RedactionRule& rule) {
  if (rule.name.empty()) return "rule name is empty";
  if (rule.name.size() > kMaxRuleNameBytes) {
    return "rule name is longer than " + std::to_string(kMaxRuleNameBytes) + " bytes";
  }
  if (rule.name.find_first_of("[]") != std::string::npos) {
    return "rule name must not contain '[' or ']'";
  }
  if (is_builtin_kind(rule.name)) return "rule name '" + rule.name + "' is a built-in kind";
  if (detail::decode_glyphs(rule.name).utf8 != rule.name) return "rule name is not valid UTF-8";
  return detail::pattern_problem(rule.pattern);
}

Redacted redact(std::string_view text, const std::vector<RedactionRule>& rules) {
  const detail::GlyphText glyphs = detail::decode_glyphs(text);
  detail::Findings findings(glyphs.size());
  detail::find_ibans(glyphs, findings);
  detail::find_cards(glyphs, findings);
  // A rule is the knowledge base saying exactly what to mask, so it goes before
  // the CVV guess.
  for (const RedactionRule& rule : rules) {
    if (!rule_problem(rule)) detail::find_pattern(glyphs, rule.pattern, rule.name, findings);
  }
  detail::find_cvvs(glyphs, findings);
  return {apply(glyphs, findings.spans()), tally(findings.spans(), rules)};
}

}  // namespace tandem::privacy
