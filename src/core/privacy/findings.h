// What the scanners found so far. Scanners run one after another, most
// specific first, and none may claim text an earlier one has already masked.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace tandem::privacy::detail {

// Glyphs [begin, end) are replaced by mask; kind is what Redaction reports.
struct Span {
  std::size_t begin;
  std::size_t end;
  std::string kind;
  std::string mask;
};

class Findings {
 public:
  explicit Findings(std::size_t glyph_count) : taken_(glyph_count, false) {}

  bool is_free(std::size_t begin, std::size_t end) const {
    for (std::size_t i = begin; i < end; ++i) {
      if (taken_[i]) return false;
    }
    return true;
  }

  void add(Span span) {
    for (std::size_t i = span.begin; i < span.end; ++i) taken_[i] = true;
    spans_.push_back(std::move(span));
  }

  const std::vector<Span>& spans() const { return spans_; }

 private:
  std::vector<bool> taken_;
  std::vector<Span> spans_;
};

}  // namespace tandem::privacy::detail
