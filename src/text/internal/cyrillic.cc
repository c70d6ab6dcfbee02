#include "text/internal/cyrillic.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <map>
#include <mutex>
#include <unordered_map>

#include "model/embedded.h"
#include "text/internal/icu_util.h"
#include "text/internal/table.h"

VIGIL_DECLARE_EMBEDDED(cyrillic_schemes);

namespace vigil::text::internal {
namespace {

struct Value {
  std::string raw;
  std::string ascii;
};

using Key = uint64_t;  // (first code point << 32) | second code point; 0 = none
Key MakeKey(char32_t a, char32_t b) { return (static_cast<Key>(a) << 32) | b; }

struct Scheme {
  std::unordered_map<Key, Value> letter, prev, next, ending;
};

// Keeps a-z only: published schemes use apostrophes, primes and middle dots
// that no list spells.
std::string AsciiLetters(std::string_view raw) {
  std::string folded = TransliterateUtf8(Translit::kLatinAscii, raw);
  std::string out;
  for (char c : folded) {
    if (c >= 'a' && c <= 'z') out.push_back(c);
  }
  return out;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(u_tolower(c)));
  }
  return out;
}

void Append(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

struct Table {
  std::map<std::string, Scheme, std::less<>> schemes;
  std::vector<std::string> order;
};

const Table& GetTable() {
  static const Table* table = [] {
    auto* t = new Table();
    ForEachRow(VIGIL_EMBEDDED(cyrillic_schemes), [&](const std::vector<std::string_view>& c) {
      if (c.size() < 4 || c[1].size() != 1) return;
      std::string name(c[0]);
      auto [it, inserted] = t->schemes.try_emplace(name);
      if (inserted) t->order.push_back(name);
      std::u32string key = Decode(c[2]);
      Value v{std::string(c[3]), AsciiLetters(c[3])};
      Scheme& s = it->second;
      switch (c[1][0]) {
        case 'm':
          if (key.size() == 1) s.letter[MakeKey(key[0], 0)] = std::move(v);
          break;
        case 'p':  // a lone letter means "at the start of a word"
          if (key.size() == 1) s.prev[MakeKey(0, key[0])] = std::move(v);
          if (key.size() == 2) s.prev[MakeKey(key[0], key[1])] = std::move(v);
          break;
        case 'n':  // a lone letter means "at the end of a word"
          if (key.size() == 1) s.next[MakeKey(key[0], 0)] = std::move(v);
          if (key.size() == 2) s.next[MakeKey(key[0], key[1])] = std::move(v);
          break;
        case 'e':
          if (key.size() == 2) s.ending[MakeKey(key[0], key[1])] = std::move(v);
          break;
      }
    });
    return t;
  }();
  return *table;
}

// ICU's reading of a letter no scheme covers, cached: such letters are rare
// and each ICU call costs microseconds.
const Value& Fallback(char32_t c) {
  static std::mutex mu;
  static auto* cache = new std::unordered_map<char32_t, Value>();
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache->find(c);
  if (it != cache->end()) return it->second;
  std::string letter;
  Append(letter, c);
  Value v;
  UErrorCode status = U_ZERO_ERROR;
  if (uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_CYRILLIC) {
    v.raw = TransliterateUtf8(Translit::kCyrillicLatin, letter);
    v.ascii = AsciiLetters(v.raw);
  } else {
    v.raw = letter;
    v.ascii = c < 0x80 && c >= 'a' && c <= 'z' ? letter : AsciiLetters(letter);
  }
  return cache->emplace(c, std::move(v)).first->second;
}

void Letters(const Scheme& s, const char32_t* w, size_t n, bool ascii, std::string& out) {
  for (size_t i = 0; i < n; ++i) {
    char32_t prev = i > 0 ? w[i - 1] : 0;
    char32_t next = i + 1 < n ? w[i + 1] : 0;
    const Value* v = nullptr;
    if (auto it = s.prev.find(MakeKey(prev, w[i])); it != s.prev.end()) {
      v = &it->second;
    } else if (auto it2 = s.next.find(MakeKey(w[i], next)); it2 != s.next.end()) {
      v = &it2->second;
    } else if (auto it3 = s.letter.find(MakeKey(w[i], 0)); it3 != s.letter.end()) {
      v = &it3->second;
    } else {
      v = &Fallback(w[i]);
    }
    out += ascii ? v->ascii : v->raw;
  }
}

void Word(const Scheme& s, const char32_t* w, size_t n, bool ascii, std::string& out) {
  if (n > 2) {
    auto it = s.ending.find(MakeKey(w[n - 2], w[n - 1]));
    if (it != s.ending.end() && !it->second.raw.empty()) {
      Letters(s, w, n - 2, ascii, out);
      out += ascii ? it->second.ascii : it->second.raw;
      return;
    }
  }
  Letters(s, w, n, ascii, out);
}

}  // namespace

std::optional<std::string> CyrillicScheme(std::string_view scheme, std::string_view text,
                                          bool ascii) {
  const Table& t = GetTable();
  auto it = t.schemes.find(scheme);
  if (it == t.schemes.end()) return std::nullopt;
  std::u32string u = Decode(text);
  std::string out;
  out.reserve(text.size() + 8);
  size_t i = 0;
  while (i < u.size()) {
    if (!u_isalpha(static_cast<UChar32>(u[i]))) {
      Append(out, u[i]);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < u.size() && u_isalpha(static_cast<UChar32>(u[j]))) ++j;
    Word(it->second, u.data() + i, j - i, ascii, out);
    i = j;
  }
  return out;
}

std::vector<std::string> CyrillicSchemeNames() { return GetTable().order; }

}  // namespace vigil::text::internal
