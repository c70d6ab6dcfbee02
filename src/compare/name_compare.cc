#include "compare/name_compare.h"

#include <algorithm>
#include <array>

#include "compare/phonetic.h"
#include "compare/string_metrics.h"
#include "names/chinese.h"
#include "names/frequency.h"
#include "names/latin_variants.h"
#include "names/nicknames.h"

namespace vigil::compare {
namespace {

using names::PartRole;

// How much a part's rarity weight counts, by role. Particles (al, van, bin)
// say little about identity; patronymics are often omitted; a family name says
// more than a given name when the role is known.
float RoleFactor(PartRole role) {
  switch (role) {
    case PartRole::kParticle: return 0.2f;
    case PartRole::kPatronymic: return 0.6f;
    case PartRole::kFamily: return 1.3f;
    case PartRole::kLegalForm: return 0.1f;
    default: return 1.0f;
  }
}

// How much of an unmatched part's weight is charged against the score. An
// extra given or middle name (a dropped middle name, an added Western given
// name) costs less than a family name that the other side lacks.
double UnmatchedFactor(const PreparedPart& p) {
  if (p.text.size() == 1) return 0.3;  // an unmatched initial
  switch (p.role) {
    case PartRole::kFamily: return 1.0;
    case PartRole::kParticle: return 0.5;
    case PartRole::kPatronymic: return 0.35;
    case PartRole::kNumber: return 1.0;
    default: return 0.6;
  }
}

bool Initial(const PreparedPart& a, const PreparedPart& b) {
  return a.text.size() == 1 && b.text.size() > 1 && b.text[0] == a.text[0];
}

struct Pair {
  double score;
  uint8_t qi, qn;  // query parts [qi, qi+qn)
  uint8_t ci, cn;  // candidate parts [ci, ci+cn)
  const char* method;
  std::string_view scheme;
};

// Two adjacent parts written as one: "abdul rahman" ~ "abdulrahman",
// "van der berg" ~ "vanderberg", "dawen" ~ "da wen".
PartSimilarity CompareJoined(const PreparedPart& one, const PreparedPart& a,
                             const PreparedPart& b) {
  const std::string& t = one.text;
  if (t.size() != a.text.size() + b.text.size()) {
    // Allow one edit in long joined names.
    if (t.size() < 8) return {};
    std::string joined = a.text + b.text;
    if (DamerauLevenshtein(t, joined) == 1) return {0.85, "typo", ""};
    return {};
  }
  if (t.compare(0, a.text.size(), a.text) == 0 && t.compare(a.text.size(), b.text.size(), b.text) == 0) {
    return {1.0, "merged", ""};
  }
  std::string joined = a.text + b.text;
  if (names::RomanizationKey(joined) == one.key) return {0.95, "romanization", ""};
  if (t.size() >= 8 && DamerauLevenshtein(t, joined) == 1) return {0.85, "typo", ""};
  return {};
}

}  // namespace

PreparedForm PrepareForm(const names::NameForm& form) {
  PreparedForm out;
  out.scheme = form.scheme;
  out.script = form.script;
  for (const auto& p : form.parts) {
    if (p.role == PartRole::kLegalForm) continue;
    PreparedPart part;
    part.text = p.text;
    part.role = p.role;
    part.key = names::RomanizationKey(p.text);
    part.phonetic = Metaphone(p.text);
    part.weight = names::NamePartWeight(p.text) * RoleFactor(p.role);
    part.chinese_syllable = names::SplitChineseSyllables(p.text).has_value() &&
                            names::SplitChineseSyllables(p.text)->size() == 1;
    if (!out.text.empty()) out.text += ' ';
    out.text += p.text;
    out.parts.push_back(std::move(part));
  }
  return out;
}

PartSimilarity ComparePart(const PreparedPart& a, const PreparedPart& b) {
  if (a.text == b.text) return {1.0, "exact", ""};
  if (a.role == PartRole::kNumber || b.role == PartRole::kNumber) return {};
  if (!a.key.empty() && a.key == b.key) return {0.95, "romanization", ""};
  if (a.chinese_syllable && b.chinese_syllable) {
    // Two distinct syllables are different syllables: no typo or phonetic
    // rule between them (wang != wan), only readings of one character.
    if (auto scheme = names::ChineseSyllableMatch(a.text, b.text)) {
      return {0.9, "romanization", *scheme};
    }
    return {};
  }
  if (names::AreNicknames(a.text, b.text)) return {0.88, "nickname", ""};
  if (Initial(a, b) || Initial(b, a)) return {0.7, "initial", ""};
  const size_t la = a.text.size(), lb = b.text.size();
  const size_t longest = std::max(la, lb);
  if (longest >= 4) {
    size_t d = DamerauLevenshtein(a.text, b.text);
    if (d == 1) return {0.85, "typo", ""};
    if (d == 2 && longest >= 7) return {0.75, "typo", ""};
  }
  if (longest >= 4 && !a.phonetic.empty() && a.phonetic == b.phonetic && a.text[0] == b.text[0]) {
    return {0.8, "phonetic", ""};
  }
  return {};
}

NameScore CompareForms(const PreparedForm& q, const PreparedForm& c, bool person) {
  NameScore out;
  const size_t n = std::min<size_t>(q.parts.size(), 16);
  const size_t m = std::min<size_t>(c.parts.size(), 16);
  if (n == 0 || m == 0) return out;

  std::vector<Pair> pairs;
  pairs.reserve(n * m + 8);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      PartSimilarity s = ComparePart(q.parts[i], c.parts[j]);
      if (!person && (std::string_view(s.method) == "nickname" ||
                      std::string_view(s.method) == "initial")) {
        continue;
      }
      if (s.score > 0) {
        pairs.push_back({s.score, uint8_t(i), 1, uint8_t(j), 1, s.method, s.scheme});
      }
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j + 1 < m; ++j) {
      PartSimilarity s = CompareJoined(q.parts[i], c.parts[j], c.parts[j + 1]);
      if (s.score > 0) pairs.push_back({s.score, uint8_t(i), 1, uint8_t(j), 2, s.method, s.scheme});
    }
  }
  for (size_t j = 0; j < m; ++j) {
    for (size_t i = 0; i + 1 < n; ++i) {
      PartSimilarity s = CompareJoined(c.parts[j], q.parts[i], q.parts[i + 1]);
      if (s.score > 0) pairs.push_back({s.score, uint8_t(i), 2, uint8_t(j), 1, s.method, s.scheme});
    }
  }
  // Best pairs first; among equals, the one covering more weight.
  std::stable_sort(pairs.begin(), pairs.end(), [&](const Pair& a, const Pair& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.qn + a.cn > b.qn + b.cn;
  });

  std::array<int, 16> q_pair;
  std::array<int, 16> c_pair;
  q_pair.fill(-1);
  c_pair.fill(-1);
  std::vector<Pair> chosen;
  for (const Pair& p : pairs) {
    bool free = true;
    for (int k = 0; k < p.qn; ++k) free = free && q_pair[p.qi + k] < 0;
    for (int k = 0; k < p.cn; ++k) free = free && c_pair[p.ci + k] < 0;
    if (!free) continue;
    int idx = static_cast<int>(chosen.size());
    for (int k = 0; k < p.qn; ++k) q_pair[p.qi + k] = idx;
    for (int k = 0; k < p.cn; ++k) c_pair[p.ci + k] = idx;
    chosen.push_back(p);
  }

  double matched = 0, total = 0;
  int matched_pairs = 0, substantive_q = 0, substantive_c = 0;
  bool number_mismatch = false, q_has_number = false, c_has_number = false;
  for (const Pair& p : chosen) {
    double w = 0;
    for (int k = 0; k < p.qn; ++k) w += q.parts[p.qi + k].weight;
    for (int k = 0; k < p.cn; ++k) w += c.parts[p.ci + k].weight;
    matched += p.score * w;
    total += w;
    if (q.parts[p.qi].role != PartRole::kParticle) ++matched_pairs;
  }
  for (size_t i = 0; i < n; ++i) {
    const auto& p = q.parts[i];
    if (p.role != PartRole::kParticle) ++substantive_q;
    if (p.role == PartRole::kNumber) q_has_number = true;
    if (q_pair[i] < 0) {
      total += p.weight * UnmatchedFactor(p);
      if (p.role == PartRole::kNumber) number_mismatch = true;
    }
  }
  for (size_t j = 0; j < m; ++j) {
    const auto& p = c.parts[j];
    if (p.role != PartRole::kParticle) ++substantive_c;
    if (p.role == PartRole::kNumber) c_has_number = true;
    if (c_pair[j] < 0) {
      total += p.weight * UnmatchedFactor(p);
      if (p.role == PartRole::kNumber) number_mismatch = true;
    }
  }
  double score = total > 0 ? matched / total : 0;
  // One shared part between two multi-part names is not enough evidence:
  // "Wang Wei" and "Wang Fang" share a family name, nothing more.
  if (matched_pairs <= 1 && substantive_q >= 2 && substantive_c >= 2) score = std::min(score, 0.6);
  // A differing number is a different company or vessel ("Ferrostaal 1" is
  // not "Ferrostaal 2"); a number on one side only is weaker evidence.
  if (number_mismatch) score *= (q_has_number && c_has_number) ? 0.5 : 0.85;
  out.score = score;

  // The explanation: query parts in order, then unmatched candidate parts.
  for (size_t i = 0; i < n; ++i) {
    const auto& qp = q.parts[i];
    PartAlignment a;
    a.query = qp.text;
    a.weight = qp.weight;
    if (q_pair[i] < 0) {
      a.method = "unmatched";
    } else {
      const Pair& p = chosen[q_pair[i]];
      if (p.qn == 2 && size_t(p.qi) != i) continue;  // second half of a joined pair
      if (p.qn == 2) a.query = q.parts[p.qi].text + " " + q.parts[p.qi + 1].text;
      a.candidate = c.parts[p.ci].text;
      if (p.cn == 2) a.candidate += " " + c.parts[p.ci + 1].text;
      a.method = p.method;
      if (!p.scheme.empty()) {
        a.scheme = std::string(p.scheme);
      } else if (std::string_view(p.method) != "exact" || q.scheme != c.scheme) {
        // The scheme of the romanized side: "pinyin", "icao-9303", ...
        a.scheme = q.scheme != "latin" ? q.scheme : c.scheme != "latin" ? c.scheme : "";
      }
      a.similarity = p.score;
    }
    out.parts.push_back(std::move(a));
  }
  for (size_t j = 0; j < m; ++j) {
    if (c_pair[j] >= 0) continue;
    PartAlignment a;
    a.candidate = c.parts[j].text;
    a.weight = c.parts[j].weight;
    a.method = "unmatched";
    out.parts.push_back(std::move(a));
  }
  return out;
}

}  // namespace vigil::compare
