#include "text/normalize.h"

#include "text/fold.h"
#include "text/utf8.h"

namespace tandem::text {
namespace {

// Builds the output while collapsing white space: a space is only written once
// something follows it, so runs become one space and both ends are trimmed.
class Writer {
 public:
  explicit Writer(std::size_t capacity) { out_.reserve(capacity); }

  void put(char32_t cp) {
    if (cp == 0) return;
    if (cp == ' ') {
      space_pending_ = !out_.empty();
      return;
    }
    if (space_pending_) {
      out_.push_back(' ');
      space_pending_ = false;
    }
    detail::append_utf8(out_, cp);
  }

  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool space_pending_ = false;
};

}  // namespace

std::string normalize(std::string_view utf8) {
  // No fold makes text longer in bytes, so one reservation is enough.
  Writer writer(utf8.size());
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
      writer.put(static_cast<unsigned char>(detail::kAsciiFold[byte]));
      ++pos;
      continue;
    }
    char32_t cp = 0;
    const std::size_t length = detail::decode_utf8(utf8, pos, cp);
    if (length == 0) {  // invalid byte: drop it and resynchronise on the next one
      ++pos;
      continue;
    }
    pos += length;
    const detail::Folded folded = detail::fold_non_ascii(cp);
    if (folded.text == nullptr) {
      writer.put(folded.cp);
    } else {
      for (const char* c = folded.text; *c != '\0'; ++c) writer.put(static_cast<unsigned char>(*c));
    }
  }
  return writer.take();
}

}  // namespace tandem::text
