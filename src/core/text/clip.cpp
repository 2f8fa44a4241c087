#include "text/clip.h"

#include <algorithm>

namespace tandem::text {
namespace {
bool continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
}  // namespace

std::size_t code_points(std::string_view utf8) {
  return static_cast<std::size_t>(
      std::count_if(utf8.begin(), utf8.end(), [](char c) { return !continuation(c); }));
}

std::string clip(std::string_view utf8, std::size_t max_chars, std::string_view ellipsis) {
  if (code_points(utf8) <= max_chars) return std::string(utf8);
  const std::size_t mark = code_points(ellipsis);
  if (mark > max_chars) ellipsis = {};
  const std::size_t room = max_chars - code_points(ellipsis);
  std::size_t chars = 0, end = 0;
  while (end < utf8.size() && !(!continuation(utf8[end]) && chars++ == room)) ++end;
  std::string out(utf8.substr(0, end));
  if (!ellipsis.empty())
    while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + std::string(ellipsis);
}

}  // namespace tandem::text
