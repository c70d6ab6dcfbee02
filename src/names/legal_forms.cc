#include "names/legal_forms.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "model/embedded.h"

VIGIL_DECLARE_EMBEDDED(latin_legal_forms);
VIGIL_DECLARE_EMBEDDED(latin_org_stopwords);

namespace vigil::names {
namespace {

// Calls f(line) for each non-empty, non-comment line of an embedded table.
template <typename F>
void ForEachLine(std::string_view data, F&& f) {
  while (!data.empty()) {
    const size_t eol = data.find('\n');
    std::string_view line = data.substr(0, eol);
    data = eol == std::string_view::npos ? std::string_view() : data.substr(eol + 1);
    if (!line.empty() && line[0] != '#') f(line);
  }
}

char32_t FirstCodePoint(std::string_view s) {
  if (s.empty()) return 0;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c;
  const int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
  if (s.size() < static_cast<size_t>(len)) return 0;
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[k]) & 0x3F);
  return cp;
}

// Han and Kana are written without spaces: a legal form there touches the name.
// Only forms of three or more characters are taken that way (有限公司, 株式会社);
// a shorter one (有限, "limited") is too likely to be part of the name.
bool IsUnspacedScript(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

class LegalFormTable {
 public:
  LegalFormTable() {
    ForEachLine(VIGIL_EMBEDDED(latin_legal_forms), [&](std::string_view line) {
      const size_t t1 = line.find('\t');
      const size_t t2 = line.find('\t', t1 == std::string_view::npos ? t1 : t1 + 1);
      if (t2 == std::string_view::npos) return;  // generated table: skip a bad row
      const std::string_view kind = line.substr(0, t1);
      const std::string_view alias = line.substr(t1 + 1, t2 - t1 - 1);
      const std::string_view type = line.substr(t2 + 1);
      all_.emplace(alias, type);
      if (kind == "tokens") {
        tokens_.emplace(alias, type);
        max_tokens_ = std::max(
            max_tokens_, 1 + static_cast<size_t>(std::count(alias.begin(), alias.end(), ' ')));
      } else {
        texts_.emplace_back(alias, type);
      }
    });
    // Longest first, so 股份有限公司 wins over 有限公司.
    std::stable_sort(texts_.begin(), texts_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    ForEachLine(VIGIL_EMBEDDED(latin_org_stopwords),
                [&](std::string_view line) { stopwords_.insert(line); });
  }

  std::string_view TokensType(const std::string& key) const {
    auto it = tokens_.find(key);
    return it == tokens_.end() ? std::string_view() : it->second;
  }
  std::string_view AnyType(std::string_view alias) const {
    auto it = all_.find(alias);
    return it == all_.end() ? std::string_view() : it->second;
  }
  const std::vector<std::pair<std::string_view, std::string_view>>& texts() const { return texts_; }
  size_t max_tokens() const { return max_tokens_; }
  bool IsStopword(std::string_view t) const { return stopwords_.count(t) > 0; }

 private:
  // Views into the embedded tables, which live for the whole process.
  std::unordered_map<std::string_view, std::string_view> tokens_;
  std::unordered_map<std::string_view, std::string_view> all_;
  std::vector<std::pair<std::string_view, std::string_view>> texts_;
  std::unordered_set<std::string_view> stopwords_;
  size_t max_tokens_ = 1;
};

const LegalFormTable& Table() {
  static const LegalFormTable table;
  return table;
}

void AddType(std::vector<std::string>* types, std::string_view type) {
  if (std::find(types->begin(), types->end(), type) == types->end()) types->emplace_back(type);
}

// The lookup key of tokens[begin, end): the tokens joined by one space, "&"
// left out; with `join_letters`, runs of one-letter tokens are written
// together ("s a b de c v" -> "sab de cv"), as the table also lists them.
std::string WindowKey(const std::vector<std::string>& tokens, size_t begin, size_t end,
                      bool join_letters) {
  std::string key;
  bool prev_letter = false;
  for (size_t i = begin; i < end; ++i) {
    const std::string& t = tokens[i];
    if (t == "&") continue;
    const bool letter = join_letters && t.size() == 1;
    if (!key.empty() && !(letter && prev_letter)) key.push_back(' ');
    key += t;
    prev_letter = letter;
  }
  return key;
}

std::string_view WindowType(const LegalFormTable& table, const std::vector<std::string>& tokens,
                            size_t begin, size_t end) {
  std::string_view type = table.TokensType(WindowKey(tokens, begin, end, false));
  if (type.empty()) type = table.TokensType(WindowKey(tokens, begin, end, true));
  return type;
}

void TrimAmpersands(std::vector<std::string>& tokens) {
  while (tokens.size() > 1 && tokens.back() == "&") tokens.pop_back();
  while (tokens.size() > 1 && tokens.front() == "&") tokens.erase(tokens.begin());
}

void TrimSpaces(std::string& s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) {
    s.clear();
    return;
  }
  s = s.substr(b, s.find_last_not_of(' ') - b + 1);
}

}  // namespace

std::vector<std::string> ExtractLegalForms(std::vector<std::string>& tokens) {
  const LegalFormTable& table = Table();
  std::vector<std::string> types;
  bool removed = true;
  while (removed && tokens.size() > 1) {
    removed = false;
    const size_t n = tokens.size();
    const size_t widest = std::min(table.max_tokens(), n - 1);  // leave one token
    for (size_t k = widest; k >= 1 && !removed; --k) {
      std::string_view type = WindowType(table, tokens, n - k, n);
      if (!type.empty()) {
        AddType(&types, type);
        tokens.resize(n - k);
        removed = true;
      }
    }
    for (size_t k = widest; k >= 1 && !removed; --k) {
      std::string_view type = WindowType(table, tokens, 0, k);
      if (!type.empty()) {
        AddType(&types, type);
        tokens.erase(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(k));
        removed = true;
      }
    }
    if (removed) TrimAmpersands(tokens);
  }
  return types;
}

std::vector<std::string> ExtractLegalFormsFromText(std::string& text) {
  std::vector<std::string> types;
  bool removed = true;
  while (removed) {
    removed = false;
    TrimSpaces(text);
    for (const auto& [alias, type] : Table().texts()) {
      if (alias.size() >= text.size()) continue;  // never leave an empty name
      const bool touching = IsUnspacedScript(FirstCodePoint(alias)) && CodePointCount(alias) >= 3;
      const std::string_view t(text);
      if (t.ends_with(alias) && (touching || t[t.size() - alias.size() - 1] == ' ')) {
        text.resize(text.size() - alias.size());
      } else if (t.starts_with(alias) && (touching || t[alias.size()] == ' ')) {
        text.erase(0, alias.size());
      } else {
        continue;
      }
      AddType(&types, type);
      removed = true;
      break;
    }
  }
  TrimSpaces(text);
  return types;
}

std::string_view LegalFormType(std::string_view alias) { return Table().AnyType(alias); }

bool IsOrgStopword(std::string_view token) { return Table().IsStopword(token); }

}  // namespace vigil::names
