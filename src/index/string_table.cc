#include "index/string_table.h"

#include <cstring>

namespace vigil::index {
namespace {

uint64_t Mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

}  // namespace

uint64_t HashString(std::string_view s) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, s.data() + i, 8);
    h = Mix(h ^ v) + 0x9E3779B97F4A7C15ULL;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  return Mix(h ^ tail ^ (uint64_t{s.size() - i} << 56));
}

Result<StringTableView> StringTableView::Create(std::string_view blob,
                                                std::span<const uint32_t> offsets,
                                                std::span<const uint32_t> slots) {
  if (offsets.empty()) return Status::Corruption("string table without offsets");
  if (slots.empty() || (slots.size() & (slots.size() - 1)) != 0 ||
      slots.size() < offsets.size() - 1) {
    return Status::Corruption("string table hash size is not a power of two above its count");
  }
  if (offsets[0] != 0 || offsets.back() != blob.size()) {
    return Status::Corruption("string table offsets do not cover its bytes");
  }
  for (size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) return Status::Corruption("string table offsets decrease");
  }
  const size_t n = offsets.size() - 1;
  for (uint32_t s : slots) {
    if (s > n) return Status::Corruption("string table slot out of range");
  }
  StringTableView v;
  v.blob_ = blob;
  v.offsets_ = offsets;
  v.slots_ = slots;
  return v;
}

std::optional<uint32_t> StringTableView::Find(std::string_view s) const {
  if (slots_.empty()) return std::nullopt;
  const size_t mask = slots_.size() - 1;
  for (size_t pos = HashString(s) & mask, probes = 0; probes <= mask;
       pos = (pos + 1) & mask, ++probes) {
    const uint32_t slot = slots_[pos];
    if (slot == 0) return std::nullopt;
    if (Get(slot - 1) == s) return slot - 1;
  }
  return std::nullopt;
}

StringTableBuilder::StringTableBuilder() : offsets_{0}, slots_(16, 0) {}

std::optional<uint32_t> StringTableBuilder::Find(std::string_view s) const {
  const size_t mask = slots_.size() - 1;
  for (size_t pos = HashString(s) & mask;; pos = (pos + 1) & mask) {
    const uint32_t slot = slots_[pos];
    if (slot == 0) return std::nullopt;
    if (Get(slot - 1) == s) return slot - 1;
  }
}

uint32_t StringTableBuilder::Intern(std::string_view s) {
  const size_t mask = slots_.size() - 1;
  size_t pos = HashString(s) & mask;
  for (;; pos = (pos + 1) & mask) {
    const uint32_t slot = slots_[pos];
    if (slot == 0) break;
    if (Get(slot - 1) == s) return slot - 1;
  }
  const auto id = static_cast<uint32_t>(size());
  blob_.append(s);
  if (blob_.size() > UINT32_MAX) overflow_ = true;
  offsets_.push_back(static_cast<uint32_t>(blob_.size()));
  slots_[pos] = id + 1;
  if (size() * 2 > slots_.size()) Grow();
  return id;
}

void StringTableBuilder::Grow() {
  std::vector<uint32_t> slots(slots_.size() * 2, 0);
  const size_t mask = slots.size() - 1;
  for (uint32_t i = 0; i < size(); ++i) {
    size_t pos = HashString(Get(i)) & mask;
    while (slots[pos] != 0) pos = (pos + 1) & mask;
    slots[pos] = i + 1;
  }
  slots_.swap(slots);
}

Status StringTableBuilder::Check() const {
  if (overflow_) return Status::ResourceExhausted("string table exceeds 4 GiB of text");
  return Status::Ok();
}

StringTableView StringTableBuilder::View() const {
  auto v = StringTableView::Create(blob_, offsets_, slots_);
  return v.ok() ? *v : StringTableView();
}

}  // namespace vigil::index
