#include "text/fold.h"

#include <string_view>

namespace tandem::text::detail {
namespace {

constexpr Folded keep(char32_t cp) {
  return {cp, nullptr};
}
constexpr Folded drop() {
  return {0, nullptr};
}
constexpr Folded text(const char* replacement) {
  return {0, replacement};
}

// Base letters of precomposed Latin letters, one character per code point;
// '*' marks code points that are not plain "letter + diacritics" and stay as
// they are, or that fold_latin() expands before reaching the table.
constexpr std::string_view kLatin1Letters =  // U+00C0..U+00FF
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy**"
    "aaaaaa*ceeeeiiiidnooooo*ouuuuy*y";
constexpr std::string_view kLatinExtendedA =  // U+0100..U+017F
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii**jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo**rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";
constexpr char32_t kLatinExtendedBFirst = 0x1CD;
constexpr std::string_view kLatinExtendedB =  // U+01CD..U+0233
    "aaiioouuuuuuuuuu"
    "eaaaa**ggggkkoooo**j***gg**nnaa**oo"
    "aaaaeeeeiiiioooorrrruuuu"
    "sstt**hhnd**zzaaeeooooooooyy";
// Latin Extended Additional comes in upper/lower pairs: one letter per pair.
constexpr std::string_view kLatinAdditionalLow =  // U+1E00..U+1E95
    "abbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzz";
constexpr std::string_view kLatinAdditionalHigh =  // U+1EA0..U+1EF9 (Vietnamese)
    "aaaaaaaaaaaaeeeeeeeeiioooooooooooouuuuuuuyyyy";

static_assert(kLatin1Letters.size() == 0x100 - 0xC0);
static_assert(kLatinExtendedA.size() == 0x180 - 0x100);
static_assert(kLatinExtendedB.size() == 0x234 - kLatinExtendedBFirst);
static_assert(kLatinAdditionalLow.size() == (0x1E96 - 0x1E00) / 2);
static_assert(kLatinAdditionalHigh.size() == (0x1EFA - 0x1EA0) / 2);

Folded from_table(std::string_view table, std::size_t index, char32_t cp) {
  const char base = table[index];
  return base == '*' ? keep(cp) : keep(static_cast<unsigned char>(base));
}

Folded fold_latin1(char32_t cp) {  // U+0080..U+00FF
  switch (cp) {
    case 0x85:  // NEXT LINE is the one C1 control that means white space
    case 0xA0:
      return keep(' ');
    case 0xAD:  // soft hyphen: invisible
      return drop();
    case 0xAA:
      return keep('a');
    case 0xBA:
      return keep('o');
    case 0xB4:  // acute accent typed as an apostrophe ("don´t")
      return keep('\'');
    case 0xAB:
    case 0xBB:
      return keep('"');
    case 0xB5:  // micro sign folds to Greek mu, as Unicode case folding does
      return keep(0x3BC);
    case 0xC6:
    case 0xE6:
      return text("ae");
    case 0xDE:
    case 0xFE:
      return text("th");
    case 0xDF:
      return text("ss");
    default:
      break;
  }
  if (cp < 0xA0) return drop();  // C1 controls
  if (cp < 0xC0) return keep(cp);
  return from_table(kLatin1Letters, cp - 0xC0, cp);
}

Folded fold_latin_extended(char32_t cp) {  // U+0100..U+024F
  switch (cp) {
    case 0x132:
    case 0x133:
      return text("ij");
    case 0x152:
    case 0x153:
      return text("oe");
    case 0x1C4:
    case 0x1C5:
    case 0x1C6:
    case 0x1F1:
    case 0x1F2:
    case 0x1F3:
      return text("dz");
    case 0x1C7:
    case 0x1C8:
    case 0x1C9:
      return text("lj");
    case 0x1CA:
    case 0x1CB:
    case 0x1CC:
      return text("nj");
    case 0x1E2:
    case 0x1E3:
    case 0x1FC:
    case 0x1FD:
      return text("ae");
    case 0x180:
      return keep('b');
    case 0x191:
    case 0x192:
      return keep('f');
    case 0x1A0:
    case 0x1A1:
      return keep('o');
    case 0x1AF:
    case 0x1B0:
      return keep('u');
    default:
      break;
  }
  if (cp < 0x180) return from_table(kLatinExtendedA, cp - 0x100, cp);
  if (cp >= kLatinExtendedBFirst && cp < 0x234) {
    return from_table(kLatinExtendedB, cp - kLatinExtendedBFirst, cp);
  }
  return keep(cp);
}

Folded fold_latin_additional(char32_t cp) {  // U+1E00..U+1EFF
  if (cp < 0x1E96) return keep(static_cast<unsigned char>(kLatinAdditionalLow[(cp - 0x1E00) / 2]));
  if (cp >= 0x1EA0 && cp < 0x1EFA) {
    return keep(static_cast<unsigned char>(kLatinAdditionalHigh[(cp - 0x1EA0) / 2]));
  }
  switch (cp) {
    case 0x1E96:
      return keep('h');
    case 0x1E97:
      return keep('t');
    case 0x1E98:
      return keep('w');
    case 0x1E99:
      return keep('y');
    case 0x1E9A:
      return keep('a');
    case 0x1E9B:
      return keep('s');
    case 0x1E9E:  // capital sharp s
      return text("ss");
    default:
      return keep(cp);
  }
}

// Greek loses its tonos and dialytika for the same reason Latin loses accents:
// customers type them inconsistently.
Folded fold_greek(char32_t cp) {  // U+0370..U+03FF
  switch (cp) {
    case 0x37E:  // Greek question mark is a semicolon
      return keep(';');
    case 0x386:
    case 0x3AC:
      return keep(0x3B1);  // alpha
    case 0x388:
    case 0x3AD:
      return keep(0x3B5);  // epsilon
    case 0x389:
    case 0x3AE:
      return keep(0x3B7);  // eta
    case 0x38A:
    case 0x390:
    case 0x3AA:
    case 0x3AF:
    case 0x3CA:
      return keep(0x3B9);  // iota
    case 0x38C:
    case 0x3CC:
      return keep(0x3BF);  // omicron
    case 0x38E:
    case 0x3AB:
    case 0x3B0:
    case 0x3CB:
    case 0x3CD:
      return keep(0x3C5);  // upsilon
    case 0x38F:
    case 0x3CE:
      return keep(0x3C9);  // omega
    case 0x3C2:            // final sigma is the same letter as sigma
      return keep(0x3C3);
    default:
      break;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return keep(cp + 0x20);
  if (cp >= 0x3D8 && cp <= 0x3EF) return keep(cp | 1);
  return keep(cp);
}

Folded fold_cyrillic(char32_t cp) {  // U+0400..U+052F
  switch (cp) {
    // Russian text writes ё as е more often than not; grave accents are stress marks.
    case 0x400:
    case 0x401:
    case 0x450:
    case 0x451:
      return keep(0x435);
    case 0x40D:
    case 0x45D:
      return keep(0x438);
    case 0x4C0:
      return keep(0x4CF);
    default:
      break;
  }
  if (cp < 0x410) return keep(cp + 0x50);
  if (cp < 0x430) return keep(cp + 0x20);
  if (cp >= 0x4C1 && cp <= 0x4CE) return keep(cp % 2 ? cp + 1 : cp);
  const bool paired = (cp >= 0x460 && cp <= 0x481) || (cp >= 0x48A && cp <= 0x4BF) || cp >= 0x4D0;
  return keep(paired ? cp | 1 : cp);
}

Folded fold_punctuation(char32_t cp) {  // U+2000..U+206F
  if (cp <= 0x200A || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F) {
    return keep(' ');
  }
  // Zero-width characters, direction marks and embeddings, invisible operators.
  if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || cp >= 0x2060) {
    return drop();
  }
  switch (cp) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return keep('-');
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2039:
    case 0x203A:
      return keep('\'');
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      return keep('"');
    case 0x2026:
      return text("...");
    default:
      return keep(cp);
  }
}

Folded fold_other(char32_t cp) {
  switch (cp) {
    case 0x2BC:  // modifier letter apostrophe
      return keep('\'');
    case 0x1680:  // ogham space mark
    case 0x3000:  // ideographic space
      return keep(' ');
    case 0x180E:  // Mongolian vowel separator (formerly a space, now zero width)
    case 0xFEFF:  // byte order mark / zero width no-break space
      return drop();
    case 0x2212:  // minus sign
      return keep('-');
    case 0xFB00:
      return text("ff");
    case 0xFB01:
      return text("fi");
    case 0xFB02:
      return text("fl");
    case 0xFB03:
      return text("ffi");
    case 0xFB04:
      return text("ffl");
    case 0xFB05:
    case 0xFB06:
      return text("st");
    default:
      break;
  }
  // Combining marks: decomposed accents ("e" + U+0301) go the way precomposed ones do.
  const bool combining = (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
                         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
                         (cp >= 0xFE20 && cp <= 0xFE2F);
  // Variation selectors only choose a glyph style ("❤️" vs "❤").
  const bool selector = cp >= 0xFE00 && cp <= 0xFE0F;
  if (combining || selector) return drop();
  if (cp >= 0xFF01 && cp <= 0xFF5E)
    return keep(static_cast<unsigned char>(kAsciiFold[cp - 0xFEE0]));
  return keep(cp);
}

}  // namespace

Folded fold_non_ascii(char32_t cp) {
  if (cp < 0x100) return fold_latin1(cp);
  if (cp < 0x250) return fold_latin_extended(cp);
  if (cp >= 0x370 && cp < 0x400) return fold_greek(cp);
  if (cp >= 0x400 && cp < 0x530) return fold_cyrillic(cp);
  if (cp >= 0x1E00 && cp < 0x1F00) return fold_latin_additional(cp);
  if (cp >= 0x2000 && cp < 0x2070) return fold_punctuation(cp);
  return fold_other(cp);
}

}  // namespace tandem::text::detail
