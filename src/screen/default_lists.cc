#include "screen/default_lists.h"

#include <unistd.h>

#include <filesystem>
#include <system_error>

namespace vigil::screen {
namespace fs = std::filesystem;

std::vector<std::string> DefaultListDirs() {
  std::vector<std::string> dirs;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    dirs.push_back((exe.parent_path() / ".." / "data" / "lists").lexically_normal().string());
    dirs.push_back((exe.parent_path() / "data" / "lists").lexically_normal().string());
  }
#ifdef VIGIL_SOURCE_DIR
  dirs.push_back((fs::path(VIGIL_SOURCE_DIR) / "data" / "lists").lexically_normal().string());
#endif
  return dirs;
}

Result<std::vector<std::string>> DefaultListPaths() {
  std::string looked;
  for (const auto& dir : DefaultListDirs()) {
    looked += (looked.empty() ? "" : ", ") + dir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    std::vector<std::string> paths;
    const fs::path ofac = fs::path(dir) / "ofac-sdn";
    const fs::path un = fs::path(dir) / "un-sc" / "UN_consolidated.xml";
    if (fs::is_directory(ofac, ec)) paths.push_back(ofac.string());
    if (fs::is_regular_file(un, ec)) paths.push_back(un.string());
    if (!paths.empty()) return paths;
  }
  return Status::NotFound("no bundled lists found (looked in " + looked +
                          "); name lists with --list or an index with --index");
}

Result<std::shared_ptr<const ScreenerImpl>> OpenScreener(
    const std::vector<std::string>& lists, const std::string& index, const LoadOptions& load,
    const MatchOptions& match, const ScreenerConfig& config, std::string* described) {
  if (!index.empty() && !lists.empty()) {
    return Status::InvalidArgument("give --list or --index, not both");
  }
  if (!index.empty()) {
    auto s = ScreenerImpl::Open(index, match, config);
    if (s.ok() && described) {
      *described = "index " + index + ": " + std::to_string((*s)->size()) + " entities";
    }
    return s;
  }
  std::vector<std::string> paths = lists;
  if (paths.empty()) {
    auto d = DefaultListPaths();
    if (!d.ok()) return d.status();
    paths = *d;
  }
  auto s = ScreenerImpl::Build(paths, load, match, config);
  if (s.ok() && described) {
    *described = std::to_string((*s)->size()) + " entities from";
    for (const auto& p : paths) *described += " " + p;
  }
  return s;
}

}  // namespace vigil::screen
