#include "index/retrieve.h"

#include <algorithm>
#include <cmath>

namespace vigil::index {
namespace {

struct Scratch {
  std::vector<float> acc;  // all zero between queries
  std::vector<uint32_t> touched;
};

Scratch& ThreadScratch(uint32_t doc_count) {
  thread_local Scratch s;
  if (s.acc.size() < doc_count) s.acc.resize(doc_count, 0.0f);
  return s;
}

bool Better(const Candidate& a, const Candidate& b) {
  return a.score != b.score ? a.score > b.score : a.doc < b.doc;
}

}  // namespace

std::vector<Candidate> Retrieve(const KeyIndex& index, std::span<const QueryTerm> terms,
                                const RetrieveOptions& options,
                                const std::function<bool(uint32_t)>& accept,
                                const std::function<float(uint32_t)>& boost) {
  const uint32_t n = index.doc_count();
  std::vector<Candidate> out;
  if (n == 0 || terms.empty() || options.top_n == 0) return out;
  const size_t budget = options.open_budget ? options.open_budget : 8 * options.top_n;
  const size_t rare_df = options.rare_df ? options.rare_df : std::max<size_t>(64, n / 1000);

  // Rarest first; the same key given twice counts once, at its best weight.
  struct Term {
    uint32_t key;
    float weight;
    std::span<const uint32_t> postings;
  };
  std::vector<Term> order;
  for (const auto& t : terms) {
    auto p = index.Postings(t.key);
    if (p.empty() || t.weight <= 0) continue;
    order.push_back({t.key, t.weight, p});
  }
  std::sort(order.begin(), order.end(), [](const Term& a, const Term& b) {
    return a.postings.size() != b.postings.size() ? a.postings.size() < b.postings.size()
           : a.key != b.key                       ? a.key < b.key
                                                  : a.weight > b.weight;
  });
  order.erase(std::unique(order.begin(), order.end(),
                          [](const Term& a, const Term& b) { return a.key == b.key; }),
              order.end());

  Scratch& s = ThreadScratch(n);
  auto& acc = s.acc;
  auto& touched = s.touched;
  touched.clear();
  for (const auto& t : order) {
    const size_t df = t.postings.size();
    const float w = t.weight * static_cast<float>(std::log1p(static_cast<double>(n) / df));
    if (touched.size() < budget || df <= rare_df) {
      for (uint32_t doc : t.postings) {
        if (acc[doc] == 0.0f) touched.push_back(doc);
        acc[doc] += w;
      }
    } else if (touched.size() * 16 < df) {
      for (uint32_t doc : touched) {
        if (std::binary_search(t.postings.begin(), t.postings.end(), doc)) acc[doc] += w;
      }
    } else {
      for (uint32_t doc : t.postings) {
        if (acc[doc] != 0.0f) acc[doc] += w;
      }
    }
  }
  out.reserve(touched.size());
  for (uint32_t doc : touched) {
    float score = acc[doc];
    acc[doc] = 0.0f;
    if (accept && !accept(doc)) continue;
    if (boost) score *= boost(doc);
    out.push_back({doc, score});
  }
  touched.clear();
  if (out.size() > options.top_n) {
    std::nth_element(out.begin(), out.begin() + static_cast<ptrdiff_t>(options.top_n), out.end(),
                     Better);
    out.resize(options.top_n);
  }
  std::sort(out.begin(), out.end(), Better);
  return out;
}

}  // namespace vigil::index
