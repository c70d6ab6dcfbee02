#include "lists/reader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "model/country.h"

namespace vigil::lists {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  size_t n;
  uint32_t cp;
  if ((b & 0xE0) == 0xC0) {
    n = 2;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3;
    cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

void AppendUtf8(std::string* out, uint32_t cp) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string Windows1252ToUtf8(std::string_view s) {
  // 0x80-0x9F in Windows-1252; 0 marks the five unassigned bytes (kept as C1).
  static constexpr uint16_t kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char ch : s) {
    auto b = static_cast<unsigned char>(ch);
    uint32_t cp = b;
    if (b >= 0x80 && b < 0xA0 && kHigh[b - 0x80] != 0) cp = kHigh[b - 0x80];
    AppendUtf8(&out, cp);
  }
  return out;
}

Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open file");
  std::string data;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size < 0) return Status::IOError(path + ": cannot read file");
  data.resize(static_cast<size_t>(size));
  in.seekg(0);
  if (!in.read(data.data(), static_cast<std::streamsize>(data.size()))) {
    return Status::IOError(path + ": read failed");
  }
  if (data.rfind("\xEF\xBB\xBF", 0) == 0) data.erase(0, 3);
  while (!data.empty() && (data.back() == '\x1A' || data.back() == '\0')) data.pop_back();
  if (data.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument(path + ": file is empty");
  }
  if (!IsValidUtf8(data)) {
    bool any_multibyte = false;
    for (size_t i = 0; i < data.size() && !any_multibyte; ++i) {
      if (static_cast<unsigned char>(data[i]) >= 0x80 && Utf8SequenceLength(data, i) > 1) {
        any_multibyte = true;
      }
    }
    if (!any_multibyte) data = Windows1252ToUtf8(data);
  }
  return data;
}

std::string StableHash(std::string_view s) {
  uint64_t h = 14695981039346656037ull;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void AddCountry(Entity* e, std::string_view prop, std::string_view text) {
  text = TrimView(text);
  if (text.empty()) return;
  if (auto code = CountryCode(text)) {
    e->Add(prop, *code);
  } else {
    e->Add(prop, text);
  }
}

std::string_view TrimView(std::string_view s) {
  auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

void AddNameParts(Entity* e, std::string_view name) {
  auto comma = name.find(',');
  if (comma == std::string_view::npos) return;
  std::string_view last = TrimView(name.substr(0, comma));
  std::string_view first = TrimView(name.substr(comma + 1));
  if (last.empty() || first.empty() || first.find(',') != std::string_view::npos) return;
  e->Add("lastName", last);
  e->Add("firstName", first);
}

void Finish(LoadedList* list) {
  for (auto& e : list->entities) {
    if (std::find(e.datasets.begin(), e.datasets.end(), list->info.dataset) == e.datasets.end()) {
      e.datasets.push_back(list->info.dataset);
    }
  }
  list->info.entities = list->entities.size();
}

}  // namespace vigil::lists

namespace vigil::lists {

bool HasLegalForm(std::string_view name) {
  static constexpr std::string_view kForms[] = {
      "LTD",  "LIMITED", "INC", "INCORPORATED", "CORP", "CORPORATION", "LLC",         "LLP",
      "PLC",  "GMBH",    "AG",  "SA",           "SAS",  "SRL",         "SPA",         "BV",
      "NV",   "OOO",     "OAO", "ZAO",          "PAO",  "AO",          "JSC",         "PJSC",
      "CJSC", "OJSC",    "CO",  "COMPANY",      "SARL", "BHD",         "PTE",         "PTY",
      "FZE",  "FZCO",    "FZC", "KG",           "AB",   "OY",          "SL",          "SRO",
      "DOO",  "EOOD",    "LDA", "LTDA",         "CV",   "SAL",         "WLL",         "KFT",
      "ZRT",  "SPZOO",   "TOO", "TNHH",         "PVT",  "CIA",         "CORPORATIONS"};
  std::string token;
  auto check = [&]() {
    bool hit = std::find(std::begin(kForms), std::end(kForms), token) != std::end(kForms);
    token.clear();
    return hit;
  };
  for (char c : name) {
    if (c == '.') continue;  // "S.A." -> "SA", "CO." -> "CO"
    if (std::isalnum(static_cast<unsigned char>(c))) {
      token += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (!token.empty() && check()) {
      return true;
    }
  }
  return !token.empty() && check();
}

std::optional<PartialDate> ParseLooseDate(std::string_view text) {
  text = TrimView(text);
  while (!text.empty() && text.back() == '.') text.remove_suffix(1);
  if (auto iso = ParsePartialDate(text)) return iso;
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::vector<std::string> parts;
  std::string cur;
  for (char c : text) {
    if (c == ' ' || c == '.' || c == '/' || c == '-' || c == ',') {
      if (!cur.empty()) parts.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) parts.push_back(std::move(cur));
  auto number = [](const std::string& s, int lo, int hi) -> int {
    if (s.empty() || s.size() > 4) return -1;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v >= lo && v <= hi ? v : -1;
  };
  auto month = [&](const std::string& s) -> int {
    if (s.size() < 3) return number(s, 1, 12);
    std::string l = Lower(s.substr(0, 3));
    for (int i = 0; i < 12; ++i) {
      if (kMonths[i] == l) return i + 1;
    }
    return -1;
  };
  PartialDate d;
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  d.year = number(parts.back(), 1000, 2999);
  if (d.year < 0 || parts.back().size() != 4) return std::nullopt;
  if (parts.size() >= 2) {
    d.month = month(parts[parts.size() - 2]);
    if (d.month < 0) return std::nullopt;
  }
  if (parts.size() == 3) {
    d.day = number(parts[0], 1, 31);
    if (d.day < 0) return std::nullopt;
  }
  return d;
}

}  // namespace vigil::lists
