// KeyIndex: the inverted index behind candidate retrieval. Each key (a
// string, see compare/keys.h for what keys are) maps to its posting list: the
// ordinals of the documents (list entities) filed under it, sorted ascending,
// without duplicates. Stored as flat arrays (keys in a StringTable, postings
// in CSR form: offsets uint32[K+1] into one uint32 array), read in place from
// a mapped snapshot or from a KeyIndexBuffers held in memory.
//
// Building is parallel: documents are split in ranges, each worker interns
// its keys locally, and the merge keeps posting lists sorted without a sort.
//
// Thread-safety: a KeyIndex is immutable; const methods may be called from
// several threads. KeyIndexBuffers must outlive the KeyIndex viewing them.
#ifndef VIGIL_INDEX_KEY_INDEX_H_
#define VIGIL_INDEX_KEY_INDEX_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/string_table.h"
#include "vigil/status.h"

namespace vigil::index {

struct KeyIndexBuffers {
  StringTableBuilder keys;
  std::vector<uint32_t> posting_offsets{0};
  std::vector<uint32_t> postings;
  uint32_t doc_count = 0;
};

// Produces the keys of document `doc` (called from worker threads, each doc
// once; `keys` arrives empty). Duplicates are allowed and removed.
using KeysOf = std::function<void(uint32_t doc, std::vector<std::string>* keys)>;

// Builds the index of `doc_count` documents with `threads` workers (0 = one
// per core). Fails only on overflow (more than 4G postings or key bytes).
Result<KeyIndexBuffers> BuildKeyIndex(uint32_t doc_count, unsigned threads, const KeysOf& keys_of);

class KeyIndex {
 public:
  KeyIndex() = default;
  // Checks sizes and offsets (a damaged index is an error, not a crash).
  static Result<KeyIndex> Create(StringTableView keys, std::span<const uint32_t> posting_offsets,
                                 std::span<const uint32_t> postings, uint32_t doc_count);
  static Result<KeyIndex> FromBuffers(const KeyIndexBuffers& b);

  // The key's number, or -1 when no document has it.
  int64_t Find(std::string_view key) const;
  std::span<const uint32_t> Postings(uint32_t key) const {
    return postings_.subspan(offsets_[key], offsets_[key + 1] - offsets_[key]);
  }
  std::string_view KeyText(uint32_t key) const { return keys_.Get(key); }
  size_t key_count() const { return keys_.size(); }
  size_t posting_count() const { return postings_.size(); }
  uint32_t doc_count() const { return doc_count_; }

 private:
  StringTableView keys_;
  std::span<const uint32_t> offsets_;
  std::span<const uint32_t> postings_;
  uint32_t doc_count_ = 0;
};

}  // namespace vigil::index

#endif  // VIGIL_INDEX_KEY_INDEX_H_
