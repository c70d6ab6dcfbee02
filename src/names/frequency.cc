#include "names/frequency.h"

#include <charconv>
#include <unordered_map>

#include "model/embedded.h"

VIGIL_DECLARE_EMBEDDED(latin_name_frequency);

namespace vigil::names {
namespace {

constexpr float kCommonBelow = 0.65f;

class FrequencyTable {
 public:
  FrequencyTable() {
    // token<TAB>per million<TAB>weight
    std::string_view data = VIGIL_EMBEDDED(latin_name_frequency);
    weights_.reserve(50000);
    while (!data.empty()) {
      const size_t eol = data.find('\n');
      std::string_view line = data.substr(0, eol);
      data = eol == std::string_view::npos ? std::string_view() : data.substr(eol + 1);
      if (line.empty() || line[0] == '#') continue;
      const size_t t1 = line.find('\t');
      const size_t t2 = line.rfind('\t');
      if (t1 == std::string_view::npos || t2 == t1) continue;  // generated: skip bad rows
      float w = 1.0f;
      const std::string_view num = line.substr(t2 + 1);
      if (std::from_chars(num.data(), num.data() + num.size(), w).ec != std::errc() || w <= 0 ||
          w > 1) {
        continue;
      }
      weights_.emplace(line.substr(0, t1), w);
    }
  }

  float Weight(std::string_view token) const {
    auto it = weights_.find(token);
    return it == weights_.end() ? 1.0f : it->second;
  }

 private:
  std::unordered_map<std::string_view, float> weights_;  // views into embedded data
};

const FrequencyTable& Table() {
  static const FrequencyTable table;
  return table;
}

}  // namespace

float NamePartWeight(std::string_view token) { return Table().Weight(token); }

bool IsCommonNamePart(std::string_view token) { return Table().Weight(token) < kCommonBelow; }

}  // namespace vigil::names
