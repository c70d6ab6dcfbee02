// Collects the romanizations of one name: keeps the first scheme that gave a
// spelling, drops duplicates, and drops candidates whose word count differs
// from the input's (Romanize promises one token out per token in).
// Not thread-safe; one per call.
#ifndef VIGIL_TEXT_INTERNAL_COLLECTOR_H_
#define VIGIL_TEXT_INTERNAL_COLLECTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "text/transliterate.h"

namespace vigil::text::internal {

inline size_t CountTokens(std::string_view s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

class Collector {
 public:
  explicit Collector(size_t tokens) : tokens_(tokens) {}

  // Normalizes `text` to [a-z] words separated by one space, then adds it.
  void Add(std::string_view text, std::string_view scheme) {
    std::string clean;
    clean.reserve(text.size());
    for (char c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= 'a' && c <= 'z') {
        clean.push_back(c);
      } else if (c == ' ' && !clean.empty() && clean.back() != ' ') {
        clean.push_back(' ');
      }
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    if (clean.empty() || CountTokens(clean) != tokens_) return;
    for (const auto& r : out_) {
      if (r.text == clean) return;
    }
    out_.push_back(Romanization{std::move(clean), std::string(scheme)});
  }

  std::vector<Romanization> Take() { return std::move(out_); }
  size_t size() const { return out_.size(); }

 private:
  size_t tokens_;
  std::vector<Romanization> out_;
};

}  // namespace vigil::text::internal

#endif  // VIGIL_TEXT_INTERNAL_COLLECTOR_H_
