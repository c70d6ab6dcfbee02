// LoadList: format detection and dispatch to the readers.
#include <filesystem>
#include <fstream>

#include "lists/csv.h"
#include "lists/reader.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

// The first bytes of the file, BOM and leading blanks removed.
Result<std::string> Head(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open file");
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  if (head.rfind("\xEF\xBB\xBF", 0) == 0) head.erase(0, 3);
  auto first = head.find_first_not_of(" \t\r\n\x1A");
  if (first == std::string::npos) return Status::InvalidArgument(path + ": file is empty");
  return head.substr(first);
}

bool LooksLikeOfac(std::string_view head) {
  lists::CsvReader reader(head.substr(0, head.find('\n') + 1), ',');
  lists::CsvRecord rec;
  if (!reader.Next(&rec) || !rec.error.empty() || rec.fields.size() != 12) return false;
  const std::string& id = rec.fields[0];
  return !id.empty() && id.find_first_not_of("0123456789") == std::string::npos;
}

bool LooksLikeBis(std::string_view head) {
  auto line = head.substr(0, head.find('\n'));
  return line.find('\t') != std::string_view::npos &&
         line.find("Effective_Date") != std::string_view::npos &&
         line.find("Name") != std::string_view::npos;
}

Result<std::string> Detect(const std::string& path) {
  auto head = Head(path);
  if (!head.ok()) return head.status();
  std::string name = fs::path(path).filename().string();
  char c = head->front();
  if (c == '<') return std::string("un-xml");
  if (c == '{') return std::string("ftm");
  if (LooksLikeOfac(*head)) {
    return std::string(name.rfind("cons_", 0) == 0 ? "ofac-cons" : "ofac-sdn");
  }
  if (LooksLikeBis(*head)) return std::string("bis-dpl");
  return std::string("csv");
}

Result<LoadedList> Dispatch(const std::string& path, const std::string& format,
                            const LoadOptions& options) {
  if (format == "ofac-sdn") return lists::ReadOfac(path, false, options);
  if (format == "ofac-cons") return lists::ReadOfac(path, true, options);
  if (format == "un-xml") return lists::ReadUnXml(path, options);
  if (format == "bis-dpl") return lists::ReadBisDpl(path, options);
  if (format == "ftm") return lists::ReadFtm(path, options);
  if (format == "csv") return lists::ReadGenericCsv(path, options);
  return Status::InvalidArgument("unknown list format \"" + format +
                                 "\" (expected auto, ofac-sdn, ofac-cons, un-xml, bis-dpl, ftm "
                                 "or csv)");
}

}  // namespace

Result<LoadedList> LoadList(const std::string& path, const LoadOptions& options) {
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return Status::NotFound(path + ": no such file or directory");
  std::string file = path;
  std::string format = options.format.empty() ? "auto" : options.format;
  if (fs::is_directory(status)) {
    // A directory holds an OFAC file set: the primary file names the list.
    fs::path dir(path);
    if (fs::exists(dir / "sdn.csv") && format != "ofac-cons") {
      file = (dir / "sdn.csv").string();
      if (format == "auto") format = "ofac-sdn";
    } else if (fs::exists(dir / "cons_prim.csv")) {
      file = (dir / "cons_prim.csv").string();
      if (format == "auto") format = "ofac-cons";
    } else {
      return Status::InvalidArgument(path +
                                     ": directory holds no list file set (expected sdn.csv or "
                                     "cons_prim.csv); name a file instead");
    }
  }
  if (format == "auto") {
    auto detected = Detect(file);
    if (!detected.ok()) return detected.status();
    format = *detected;
  }
  return Dispatch(file, format, options);
}

}  // namespace vigil
