#include <cmath>

#include "vigil/matcher.h"

namespace vigil {
namespace {
double Round3(double v) { return std::round(v * 1000.0) / 1000.0; }
}  // namespace

nlohmann::json Explanation::ToJson() const {
  nlohmann::json j;
  j["query_name"] = query_name;
  j["candidate_name"] = candidate_name;
  j["query_form"] = query_form;
  j["candidate_form"] = candidate_form;
  j["name_score"] = Round3(name_score);
  nlohmann::json ps = nlohmann::json::array();
  for (const auto& p : parts) {
    nlohmann::json pj = {{"query", p.query},
                         {"candidate", p.candidate},
                         {"method", p.method},
                         {"similarity", Round3(p.similarity)},
                         {"weight", Round3(p.weight)}};
    if (!p.scheme.empty()) pj["scheme"] = p.scheme;
    ps.push_back(std::move(pj));
  }
  j["parts"] = std::move(ps);
  nlohmann::json fs = nlohmann::json::array();
  for (const auto& f : features) {
    fs.push_back({{"name", f.name},
                  {"value", Round3(f.value)},
                  {"weight", Round3(f.weight)},
                  {"detail", f.detail}});
  }
  j["features"] = std::move(fs);
  return j;
}

}  // namespace vigil
