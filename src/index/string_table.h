// StringTable: a set of strings numbered 0..n-1 in insertion order, with a
// hash table for lookup, laid out as three flat arrays so that it is read in
// place from a mapped snapshot (no rebuilding at load):
//   blob     the strings' bytes, concatenated
//   offsets  uint32[n+1]: string i is blob[offsets[i], offsets[i+1])
//   slots    uint32[2^k]: open addressing, linear probing; 0 = empty, else i+1
// The hash function is part of the snapshot format: changing it changes the
// format version.
//
// StringTableBuilder interns strings (a compact arena, no node per string);
// StringTableView reads the arrays, wherever they live.
//
// Thread-safety: a view is immutable; a builder is not thread-safe.
#ifndef VIGIL_INDEX_STRING_TABLE_H_
#define VIGIL_INDEX_STRING_TABLE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/status.h"

namespace vigil::index {

uint64_t HashString(std::string_view s);

// Reinterprets bytes as an array of T (the bytes must be aligned for T and a
// multiple of sizeof(T); snapshot sections are 8-aligned).
template <typename T>
std::span<const T> AsArray(std::string_view bytes) {
  return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
}
template <typename T>
std::string_view AsBytes(const std::vector<T>& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)};
}

class StringTableView {
 public:
  StringTableView() = default;
  // Checks that the arrays are consistent (sizes, monotonic offsets within the
  // blob, slot values in range): a damaged table is an error, not a crash.
  static Result<StringTableView> Create(std::string_view blob, std::span<const uint32_t> offsets,
                                        std::span<const uint32_t> slots);

  size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  std::string_view Get(uint32_t i) const {
    return blob_.substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  std::optional<uint32_t> Find(std::string_view s) const;

 private:
  std::string_view blob_;
  std::span<const uint32_t> offsets_;
  std::span<const uint32_t> slots_;
};

class StringTableBuilder {
 public:
  StringTableBuilder();
  // The number of `s`, adding it if new.
  uint32_t Intern(std::string_view s);
  std::optional<uint32_t> Find(std::string_view s) const;
  size_t size() const { return offsets_.size() - 1; }
  std::string_view Get(uint32_t i) const {
    return std::string_view(blob_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
  }
  // Fails when the blob exceeds 4 GiB (uint32 offsets).
  Status Check() const;

  const std::string& blob() const { return blob_; }
  const std::vector<uint32_t>& offsets() const { return offsets_; }
  const std::vector<uint32_t>& slots() const { return slots_; }
  StringTableView View() const;

 private:
  void Grow();

  std::string blob_;
  std::vector<uint32_t> offsets_;
  std::vector<uint32_t> slots_;
  bool overflow_ = false;
};

}  // namespace vigil::index

#endif  // VIGIL_INDEX_STRING_TABLE_H_
