#include "index/key_index.h"

#include <algorithm>
#include <thread>

namespace vigil::index {
namespace {

// One worker's share: its documents' keys interned locally, and the
// (local key, doc) pairs in document order.
struct Shard {
  StringTableBuilder keys;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
};

void BuildShard(uint32_t begin, uint32_t end, const KeysOf& keys_of, Shard* shard) {
  std::vector<std::string> keys;
  std::vector<uint32_t> ids;
  for (uint32_t doc = begin; doc < end; ++doc) {
    keys.clear();
    keys_of(doc, &keys);
    ids.clear();
    for (const auto& k : keys) ids.push_back(shard->keys.Intern(k));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (uint32_t id : ids) shard->pairs.emplace_back(id, doc);
  }
}

}  // namespace

Result<KeyIndexBuffers> BuildKeyIndex(uint32_t doc_count, unsigned threads, const KeysOf& keys_of) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, std::max<uint32_t>(1, doc_count / 64));
  threads = std::max(1u, threads);
  std::vector<Shard> shards(threads);
  {
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) {
      const auto begin = static_cast<uint32_t>(uint64_t{doc_count} * t / threads);
      const auto end = static_cast<uint32_t>(uint64_t{doc_count} * (t + 1) / threads);
      if (t + 1 == threads) {
        BuildShard(begin, end, keys_of, &shards[t]);
      } else {
        workers.emplace_back(BuildShard, begin, end, std::cref(keys_of), &shards[t]);
      }
    }
    for (auto& w : workers) w.join();
  }
  KeyIndexBuffers out;
  out.doc_count = doc_count;
  // Merge: local key numbers to global ones, then count and place. Shards
  // cover ascending document ranges and emit in document order, so each
  // posting list comes out sorted.
  std::vector<std::vector<uint32_t>> remap(threads);
  for (unsigned t = 0; t < threads; ++t) {
    const auto& local = shards[t].keys;
    remap[t].resize(local.size());
    for (uint32_t i = 0; i < local.size(); ++i) remap[t][i] = out.keys.Intern(local.Get(i));
    shards[t].keys = StringTableBuilder();
  }
  VIGIL_RETURN_IF_ERROR(out.keys.Check());
  uint64_t total = 0;
  std::vector<uint32_t> counts(out.keys.size() + 1, 0);
  for (unsigned t = 0; t < threads; ++t) {
    for (auto& [k, doc] : shards[t].pairs) {
      k = remap[t][k];
      ++counts[k + 1];
    }
    total += shards[t].pairs.size();
  }
  if (total > UINT32_MAX) return Status::ResourceExhausted("index has more than 4G postings");
  for (size_t i = 1; i < counts.size(); ++i) counts[i] += counts[i - 1];
  out.posting_offsets = counts;
  out.postings.resize(total);
  for (unsigned t = 0; t < threads; ++t) {
    for (const auto& [k, doc] : shards[t].pairs) out.postings[counts[k]++] = doc;
    std::vector<std::pair<uint32_t, uint32_t>>().swap(shards[t].pairs);
  }
  return out;
}

Result<KeyIndex> KeyIndex::Create(StringTableView keys, std::span<const uint32_t> posting_offsets,
                                  std::span<const uint32_t> postings, uint32_t doc_count) {
  if (posting_offsets.size() != keys.size() + 1) {
    return Status::Corruption("index: posting offsets do not match the key count");
  }
  if (posting_offsets[0] != 0 || posting_offsets.back() != postings.size()) {
    return Status::Corruption("index: posting offsets do not cover the postings");
  }
  for (size_t i = 1; i < posting_offsets.size(); ++i) {
    if (posting_offsets[i] < posting_offsets[i - 1]) {
      return Status::Corruption("index: posting offsets decrease");
    }
  }
  for (uint32_t doc : postings) {
    if (doc >= doc_count) return Status::Corruption("index: posting beyond the document count");
  }
  KeyIndex ix;
  ix.keys_ = keys;
  ix.offsets_ = posting_offsets;
  ix.postings_ = postings;
  ix.doc_count_ = doc_count;
  return ix;
}

Result<KeyIndex> KeyIndex::FromBuffers(const KeyIndexBuffers& b) {
  return Create(b.keys.View(), b.posting_offsets, b.postings, b.doc_count);
}

int64_t KeyIndex::Find(std::string_view key) const {
  auto k = keys_.Find(key);
  return k ? static_cast<int64_t>(*k) : -1;
}

}  // namespace vigil::index
