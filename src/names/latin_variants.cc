#include "names/latin_variants.h"

#include <algorithm>
#include <array>

namespace vigil::names {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

// Consonant spellings that differ between schemes, and the vowel digraphs
// ou/oo/ee, longest match first at each position:
//   tsch tch -> ch, dzh dj -> j, ph -> f, kh -> h, gh -> g, th -> t, dh -> d,
//   ck -> k, ch stays, c -> s before e/i/y else k, x -> ks, q -> k, w -> v,
//   ou oo -> u, ee -> i.
void FoldSpellings(std::string_view s, std::string* out) {
  out->clear();
  const size_t n = s.size();
  auto at = [&](size_t k) { return k < n ? s[k] : '\0'; };
  for (size_t i = 0; i < n;) {
    const char c = s[i], n1 = at(i + 1), n2 = at(i + 2), n3 = at(i + 3);
    switch (c) {
      case 't':
        if (n1 == 's' && n2 == 'c' && n3 == 'h') {
          *out += "ch";
          i += 4;
        } else if (n1 == 'c' && n2 == 'h') {
          *out += "ch";
          i += 3;
        } else if (n1 == 'z') {
          *out += "ts";  // German tz for ts
          i += 2;
        } else {
          *out += 't';
          i += n1 == 'h' ? 2 : 1;
        }
        continue;
      case 'd':
        if (n1 == 'z' && n2 == 'h') {
          *out += 'j';
          i += 3;
        } else if (n1 == 'j') {
          *out += 'j';
          i += 2;
        } else {
          *out += 'd';
          i += n1 == 'h' ? 2 : 1;
        }
        continue;
      case 'p':
        *out += n1 == 'h' ? 'f' : 'p';
        i += n1 == 'h' ? 2 : 1;
        continue;
      case 'k':
        *out += n1 == 'h' ? 'h' : 'k';
        i += n1 == 'h' ? 2 : 1;
        continue;
      case 's':
        if (n1 == 'c' && n2 == 'h') {  // German sch for sh
          *out += "sh";
          i += 3;
          continue;
        }
        *out += 's';
        ++i;
        continue;
      case 'z':
        *out += 'z';
        ++i;
        continue;
      case 'g':
        *out += 'g';
        i += n1 == 'h' ? 2 : 1;
        continue;
      case 'c':
        if (n1 == 'k') {
          *out += 'k';
          i += 2;
        } else if (n1 == 'h') {
          *out += "ch";
          i += 2;
        } else {
          *out += (n1 == 'e' || n1 == 'i' || n1 == 'y') ? 's' : 'k';
          ++i;
        }
        continue;
      case 'o':
        *out += (n1 == 'u' || n1 == 'o') ? 'u' : 'o';
        i += (n1 == 'u' || n1 == 'o') ? 2 : 1;
        continue;
      case 'e':
        *out += n1 == 'e' ? 'i' : 'e';
        i += n1 == 'e' ? 2 : 1;
        continue;
      case 'x':
        *out += "ks";
        break;
      case 'q':
        *out += 'k';
        break;
      case 'w':
        *out += 'v';
        break;
      default:
        *out += c;
    }
    ++i;
  }
}

// i/y as a glide or a vowel.
void FoldGlides(std::string_view s, std::string* out_ptr) {
  std::string& out = *out_ptr;
  out.clear();
  const size_t n = s.size();
  for (size_t i = 0; i < n; ++i) {
    const char c = s[i];
    const char next = i + 1 < n ? s[i + 1] : 0;
    const char after = i + 2 < n ? s[i + 2] : 0;
    const char prev = out.empty() ? 0 : out.back();
    if (c == 'i' && next == 'y' && IsVowel(after)) continue;  // mariya -> marya
    if (c == 'i' && (next == 'a' || next == 'e' || next == 'o' || next == 'u')) {
      out += 'y';  // tatiana -> tatyana
    } else if (c == 'y' && i == 0 && next == 'e' && n >= 4) {
      // Initial Е: yevgeny / evgeny, yelena / elena.
    } else if (c == 'y' && prev != 0 && !IsVowel(prev) && (next == 'o' || next == 'e')) {
      out += 'e';  // Ё/Е after a consonant: pyotr -> petr, fyodor -> fedor
      ++i;
    } else if ((c == 'y' || (c == 'j' && IsVowel(prev))) && !IsVowel(next)) {
      out += 'i';  // dmitry -> dmitri, husayn -> husain, nikolaj -> nikolai
    } else {
      out += c;
    }
  }
}

void CollapseDoubles(std::string& s) { s.erase(std::unique(s.begin(), s.end()), s.end()); }

// Keeps the first vowel group (by class), drops inner vowel groups, keeps a
// word-final vowel group (by class).
void VowelSkeleton(std::string_view s, std::string* out) {
  auto append_class = [out](std::string_view g) {
    auto all = [g](auto pred) { return std::all_of(g.begin(), g.end(), pred); };
    if (all([](char c) { return c == 'a'; })) {
      *out += 'a';
    } else if (all([](char c) { return c == 'e' || c == 'i'; })) {
      *out += 'i';
    } else if (all([](char c) { return c == 'o' || c == 'u'; })) {
      *out += 'u';
    } else {
      *out += g;  // a diphthong (ai, ao, au, ua...) keeps its spelling
    }
  };
  out->clear();
  bool first = true;
  for (size_t i = 0; i < s.size();) {
    if (!IsVowel(s[i])) {
      *out += s[i++];
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsVowel(s[j])) ++j;
    if (first || j == s.size()) append_class(s.substr(i, j - i));
    first = false;
    i = j;
  }
}

}  // namespace

std::string RomanizationKey(std::string_view token) {
  std::string s;

  for (char c : token) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (IsLetter(c)) s += c;
  }
  if (s.empty()) return s;
  if (s.size() > 3 && s.starts_with("mc")) s.insert(1, "a");               // mcdonald -> macdonald
  if (s.size() > 3 && s.ends_with("ff")) s.replace(s.size() - 2, 2, "v");  // ivanoff
  std::string t;

  FoldSpellings(s, &t);
  FoldGlides(t, &s);
  if (s.size() > 3 && s.ends_with("ij")) s.pop_back();                             // dmitrij
  if (s.size() > 3 && s.ends_with('h') && IsVowel(s[s.size() - 2])) s.pop_back();  // fatimah
  CollapseDoubles(s);
  // A silent final e after a consonant (Vialle / Vial, Etienne / Etien).
  if (s.size() > 3 && s.back() == 'e' && !IsVowel(s[s.size() - 2]) &&
      std::any_of(s.begin(), s.end() - 2, IsVowel)) {
    s.pop_back();
  }
  VowelSkeleton(s, &t);
  CollapseDoubles(t);
  return t;
}

Particle ParticleKind(std::string_view t) {
  static constexpr std::array<std::string_view, 3> kArticles = {"al", "el", "ul"};
  static constexpr std::array<std::string_view, 7> kFiliation = {"bin",   "ibn",  "ben", "bint",
                                                                 "binti", "bent", "bte"};
  static constexpr std::array<std::string_view, 3> kAbu = {"abu", "abou", "abo"};
  static constexpr std::array<std::string_view, 8> kAbd = {"abd",    "abdul", "abdel", "abdal",
                                                           "abdoul", "abdol", "abdou", "abdu"};
  static constexpr std::array<std::string_view, 18> kEuropean = {
      "van", "von", "de",    "der", "den", "la",  "le",  "du",  "da",
      "di",  "del", "della", "dos", "das", "des", "ten", "ter", "vander"};
  auto in = [t](const auto& list) { return std::find(list.begin(), list.end(), t) != list.end(); };
  if (in(kArticles)) return Particle::kArticle;
  if (in(kFiliation)) return Particle::kFiliation;
  if (in(kAbu)) return Particle::kAbu;
  if (in(kAbd)) return Particle::kAbd;
  if (in(kEuropean)) return Particle::kEuropean;
  return Particle::kNone;
}

std::string_view CanonicalParticle(std::string_view token) {
  switch (ParticleKind(token)) {
    case Particle::kArticle:
      return "al";
    case Particle::kFiliation:
      return "bin";
    case Particle::kAbu:
      return "abu";
    case Particle::kAbd:
      return "abd";
    case Particle::kEuropean:
      return token;
    case Particle::kNone:
      break;
  }
  return {};
}

namespace {

// The article forms that can follow "abd", including those assimilated to a
// following "sun letter" (abd ar-rahman, abd as-salam).
bool IsAbdArticle(std::string_view t) {
  static constexpr std::array<std::string_view, 17> kForms = {"al", "el", "ul", "il", "ol", "ar",
                                                              "ur", "er", "as", "us", "es", "ash",
                                                              "ad", "ud", "at", "an", "az"};
  return std::find(kForms.begin(), kForms.end(), t) != kForms.end();
}

// "abd" + what follows, written any way, to "abdul" + the name. Returns ""
// when `joined` is not an abd compound with a name of at least two letters.
std::string CanonicalAbd(std::string_view joined) {
  if (!joined.starts_with("abd") || joined.size() < 6) return {};
  std::string_view r = joined.substr(3);
  auto consonant = [](char c) { return IsLetter(c) && !IsVowel(c); };
  if (r.size() > 2 && IsVowel(r[0]) && r[1] == 'l') {
    r.remove_prefix(2);  // abdul-, abdel-, abdal-
  } else if (r.size() > 3 && IsVowel(r[0]) && consonant(r[1]) && r[2] == r[1]) {
    r.remove_prefix(2);  // abdurrahman, abdussalam: the article assimilated
  } else if (r.size() > 3 && r.starts_with("ou") && consonant(r[2])) {
    r.remove_prefix(2);  // abdousalam
  } else if (r.size() > 2 && (r[0] == 'u' || r[0] == 'e' || r[0] == 'o') && consonant(r[1])) {
    r.remove_prefix(1);  // abdurahman, abderazak: a linking vowel
  }
  if (r.size() < 2) return {};
  std::string stem(r);
  if (stem == "la" || stem == "lah" || stem == "llah" || stem == "lla") stem = "lah";
  return "abdul" + stem;
}

bool IsAbdForm(std::string_view t) {
  return ParticleKind(t) == Particle::kAbd || t == "abdur" || t == "abdus" || t == "abder";
}

}  // namespace

std::vector<std::string> JoinArabicCompounds(const std::vector<std::string>& tokens) {
  std::vector<std::string> out;
  out.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& t = tokens[i];
    const bool next_is_name =
        i + 1 < tokens.size() && (ParticleKind(tokens[i + 1]) == Particle::kNone ||
                                  ParticleKind(tokens[i + 1]) == Particle::kArticle);
    if (IsAbdForm(t) && next_is_name) {
      size_t last = i + 1;
      if (IsAbdArticle(tokens[last]) && last + 1 < tokens.size()) ++last;
      std::string joined;
      for (size_t k = i; k <= last; ++k) joined += tokens[k];
      std::string canonical = CanonicalAbd(joined);
      if (!canonical.empty()) {
        out.push_back(std::move(canonical));
        i = last;
        continue;
      }
    } else if (t.starts_with("abd") && !IsAbdForm(t)) {
      std::string canonical = CanonicalAbd(t);
      if (!canonical.empty()) {
        out.push_back(std::move(canonical));
        continue;
      }
    }
    out.push_back(t);
  }
  return out;
}

}  // namespace vigil::names
