#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "text/normalize.h"

using tandem::text::normalize;

namespace {

// An independent check of well-formed UTF-8 (Unicode 3.9, table 3-7), so the
// decoder is not used to judge itself.
bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned c = b(i);
    std::size_t len = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c <= 0x7F) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c == 0xE0) {
      len = 3, lo = 0xA0;
    } else if (c == 0xED) {
      len = 3, hi = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF) {
      len = 3;
    } else if (c == 0xF0) {
      len = 4, lo = 0x90;
    } else if (c == 0xF4) {
      len = 4, hi = 0x8F;
    } else if (c >= 0xF1 && c <= 0xF3) {
      len = 4;
    } else {
      return false;
    }
    if (i + len > s.size()) return false;
    if (len > 1 && (b(i + 1) < lo || b(i + 1) > hi)) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if (b(i + k) < 0x80 || b(i + k) > 0xBF) return false;
    }
    i += len;
  }
  return true;
}

}  // namespace

TEST_CASE("normalize lower-cases ASCII and collapses white space", "[text]") {
  CHECK(normalize("  Hello   WORLD\t\n\r ") == "hello world");
  CHECK(normalize("Where IS my Order #42?") == "where is my order #42?");
  CHECK(normalize("") == "");
  CHECK(normalize(" \t\n ") == "");
  CHECK(normalize("a \t \n b") == "a b");
}

TEST_CASE("normalize folds Latin letters to unaccented lower case", "[text]") {
  CHECK(normalize("Café Niño Façade Smørrebrød Åland Łódź") ==
        "cafe nino facade smorrebrod aland lodz");
  CHECK(normalize("ÀÉÎÕÜÝ ŠČŘŽĞŐ") == "aeiouy scrzgo");
  CHECK(normalize("Straße STRAẞE Ærø cœur Þór Ĳssel") == "strasse strasse aero coeur thor ijssel");
  CHECK(normalize("Țară Școală") == "tara scoala");          // Latin Extended-B
  CHECK(normalize("Tiếng Việt Được") == "tieng viet duoc");  // Latin Extended Additional
  CHECK(normalize("ﬁle ﬂow") == "file flow");
}

TEST_CASE("normalize drops decomposed accents like precomposed ones", "[text]") {
  CHECK(normalize("cafe\xCC\x81") == "cafe");      // e + COMBINING ACUTE
  CHECK(normalize("n\xCC\x83o\xCC\x88") == "no");  // n + tilde, o + diaeresis
  CHECK(normalize("Cafe\xCC\x81") == normalize("Café"));
}

TEST_CASE("normalize lower-cases Greek and Cyrillic", "[text]") {
  CHECK(normalize("ΚΑΛΗΜΕΡΑ Κόσμε") == "καλημερα κοσμε");
  CHECK(normalize("ΆΈΉΊΌΎΏ ΐΰ") == "αεηιουω ιυ");
  CHECK(normalize("ΟΔΟΣ οδός") == "οδοσ οδοσ");  // final sigma folds to sigma
  CHECK(normalize("ПРИВЕТ Мир") == "привет мир");
  CHECK(normalize("ЁЛКА ёлка") == "елка елка");
  CHECK(normalize("ЇЖАК Й Ђ") == "їжак й ђ");  // distinct letters keep their identity
}

TEST_CASE("normalize maps look-alike punctuation to ASCII", "[text]") {
  CHECK(normalize("\xE2\x80\x98quoted\xE2\x80\x99 don\xE2\x80\x99t") == "'quoted' don't");
  CHECK(normalize("\xE2\x80\x9C"
                  "double"
                  "\xE2\x80\x9D \xE2\x80\x9E"
                  "low"
                  "\xE2\x80\x9F") == "\"double\" \"low\"");
  CHECK(normalize("5\xE2\x80\xB2 6\xE2\x80\xB3 \xE2\x80\x9Ax\xE2\x80\x9B") == "5' 6\" 'x'");
  CHECK(normalize("«bonjour»") == "\"bonjour\"");
  CHECK(normalize("a–b—c−d‐e") == "a-b-c-d-e");
  CHECK(normalize("wait…") == "wait...");
}

TEST_CASE("normalize turns Unicode spaces into one space", "[text]") {
  CHECK(normalize("a\xC2\xA0"
                  "b\xE2\x80\x83"
                  "c\xE3\x80\x80"
                  "d\xE2\x80\xAF"
                  "e") == "a b c d e");
  CHECK(normalize("\xC2\xA0\xC2\xA0x\xE2\x80\xA8\xE2\x80\xA9y\xC2\xA0") == "x y");
}

TEST_CASE("normalize drops invisible and control characters", "[text]") {
  CHECK(normalize("pass\xE2\x80\x8Bword") == "password");              // zero width space
  CHECK(normalize("\xEF\xBB\xBFhello") == "hello");                    // byte order mark
  CHECK(normalize("x\xE2\x80\x8Dy\xC2\xADz\xE2\x80\x8F!") == "xyz!");  // ZWJ, soft hyphen, RLM
  CHECK(normalize("a\x01"
                  "b\x7F"
                  "c\x1B"
                  "d") == "abcd");  // C0 controls, DEL
  CHECK(normalize("a\xC2\x80"
                  "b\xC2\x85"
                  "c") == "ab c");  // C1; NEL is a break
  CHECK(normalize("a \xE2\x80\x8B b") == "a b");
  CHECK(normalize("\xE2\x9D\xA4\xEF\xB8\x8F") == "\xE2\x9D\xA4");  // ❤️ -> ❤
}

TEST_CASE("normalize maps fullwidth ASCII", "[text]") {
  CHECK(normalize("ＡＢＣ１２３！ｘ") == "abc123!x");
  CHECK(normalize("＄２５") == "$25");
}

TEST_CASE("normalize passes other scripts through", "[text]") {
  CHECK(normalize("退款 مرحبا שלום 😀 हिन्दी") == "退款 مرحبا שלום 😀 हिन्दी");
  CHECK(normalize("日本語テキスト") == "日本語テキスト");
}

TEST_CASE("normalize drops every kind of invalid UTF-8 and keeps the rest", "[text]") {
  using namespace std::string_literals;
  CHECK(normalize("a\x80"
                  "b\xBF"
                  "c") == "abc");              // lone continuation bytes
  CHECK(normalize("ab\xC3") == "ab");          // truncated 2-byte at end
  CHECK(normalize("ab\xE2\x82") == "ab");      // truncated 3-byte at end
  CHECK(normalize("ab\xF0\x9F\x98") == "ab");  // truncated 4-byte at end
  CHECK(normalize("\xE2\x82x\xC3y") == "xy");  // truncated mid-text
  CHECK(normalize("a\xC0\xAF"
                  "b\xC1\xBF"
                  "c") == "abc");  // overlong 2-byte ('/' and DEL)
  CHECK(normalize("a\xE0\x80\xAF"
                  "b") == "ab");  // overlong 3-byte
  CHECK(normalize("a\xF0\x80\x80\xAF"
                  "b") == "ab");  // overlong 4-byte
  CHECK(normalize("a\xED\xA0\x80"
                  "b\xED\xBF\xBF"
                  "c") == "abc");  // UTF-16 surrogates
  CHECK(normalize("a\xF4\x90\x80\x80"
                  "b\xF5\x80\x80\x80"
                  "c") == "abc");  // past U+10FFFF
  CHECK(normalize("\xFF\xFE"
                  "ok\xFF") == "ok");
  CHECK(normalize("a\0b"s) == "ab");                           // embedded NUL
  CHECK(normalize("\xC3\xA9\x80\xC3\xA9") == "ee");            // valid around invalid
  CHECK(normalize("\xF0\x9F\x98\x80") == "\xF0\x9F\x98\x80");  // valid 4-byte kept
  CHECK(normalize("\xF4\x8F\xBF\xBF") == "\xF4\x8F\xBF\xBF");  // U+10FFFF kept
}

TEST_CASE("normalize output is always valid, trimmed and stable", "[text]") {
  // Deterministic pseudo-random bytes, biased towards UTF-8 lead and
  // continuation bytes so that broken sequences are common.
  uint32_t state = 12345;
  const auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 24;
  };
  const unsigned char interesting[] = {0x00, 0x20, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xCE,
                                       0xD0, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  int failures = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string input(next() % 48, '\0');
    for (char& c : input) {
      const uint32_t r = next();
      c = static_cast<char>(r % 3 == 0 ? interesting[next() % sizeof interesting] : next());
    }
    const std::string out = normalize(input);
    const bool ok =
        valid_utf8(out) && out.size() <= input.size() && out.find("  ") == std::string::npos &&
        (out.empty() || (out.front() != ' ' && out.back() != ' ')) && normalize(out) == out;
    if (!ok) {
      ++failures;
      INFO("round " << round);
      CHECK(ok);
    }
  }
  CHECK(failures == 0);
}
