#include "names/nicknames.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "model/embedded.h"

VIGIL_DECLARE_EMBEDDED(latin_nickname_groups);

namespace vigil::names {
namespace {

struct Range {
  uint32_t begin = 0;
  uint32_t size = 0;
};

class NicknameTable {
 public:
  NicknameTable() {
    // name<TAB>id,id,... ; '#' lines are comments. The table is generated, so a
    // malformed line is a build defect: it is skipped rather than trusted.
    std::string_view data = VIGIL_EMBEDDED(latin_nickname_groups);
    while (!data.empty()) {
      const size_t eol = data.find('\n');
      std::string_view line = data.substr(0, eol);
      data = eol == std::string_view::npos ? std::string_view() : data.substr(eol + 1);
      const size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
      Range r{static_cast<uint32_t>(ids_.size()), 0};
      uint32_t id = 0;
      bool digits = false;
      for (char c : line.substr(tab + 1)) {
        if (c >= '0' && c <= '9') {
          id = id * 10 + static_cast<uint32_t>(c - '0');
          digits = true;
        } else if (c == ',' && digits) {
          ids_.push_back(id);
          id = 0;
          digits = false;
        }
      }
      if (digits) ids_.push_back(id);
      r.size = static_cast<uint32_t>(ids_.size()) - r.begin;
      if (r.size > 0) by_name_.emplace(line.substr(0, tab), r);
    }
  }

  std::span<const uint32_t> Groups(std::string_view name) const {
    auto it = by_name_.find(name);
    if (it == by_name_.end()) return {};
    return std::span<const uint32_t>(ids_.data() + it->second.begin, it->second.size);
  }

 private:
  std::vector<uint32_t> ids_;
  std::unordered_map<std::string_view, Range> by_name_;  // views into embedded data
};

const NicknameTable& Table() {
  static const NicknameTable table;
  return table;
}

}  // namespace

std::span<const uint32_t> NicknameGroups(std::string_view name) { return Table().Groups(name); }

bool AreNicknames(std::string_view a, std::string_view b) {
  const auto ga = NicknameGroups(a);
  const auto gb = NicknameGroups(b);
  // Both ascending: a merge walk finds a shared id.
  size_t i = 0, j = 0;
  while (i < ga.size() && j < gb.size()) {
    if (ga[i] == gb[j]) return true;
    if (ga[i] < gb[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return false;
}

}  // namespace vigil::names
