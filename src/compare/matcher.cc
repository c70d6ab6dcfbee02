// The entity scorer. The score is the best name score, adjusted by the other
// features; every adjustment is recorded as a Feature, so the explanation is
// the computation. See docs/MATCHING.md for the model and its constants.
#include "vigil/matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "compare/name_compare.h"
#include "compare/prepared.h"
#include "model/country.h"

namespace vigil {
namespace {

std::string NormalizeIdentifier(std::string_view raw) {
  std::string out;
  for (unsigned char c : raw) {
    if (std::isalnum(c)) out.push_back(static_cast<char>(std::toupper(c)));
  }
  return out;
}

std::string NormalizeGender(std::string_view g) {
  std::string s;
  for (unsigned char c : g) s.push_back(static_cast<char>(std::tolower(c)));
  if (s == "m" || s == "male" || s == "man") return "male";
  if (s == "f" || s == "female" || s == "woman") return "female";
  return "";
}

std::string Fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

struct DateVerdict {
  double value = 0;  // +1 agrees at day precision ... -1 clearly differs
  std::string detail;
  bool known = false;
};

// Compares two sets of partial birth dates at the coarser precision of each
// pair and keeps the most favourable pair (lists give several candidate dates).
DateVerdict CompareBirthDates(const std::vector<PartialDate>& q,
                              const std::vector<PartialDate>& c) {
  DateVerdict best;
  if (q.empty() || c.empty()) return best;
  best.known = true;
  best.value = -2;
  for (const auto& a : q) {
    for (const auto& b : c) {
      DateVerdict v;
      v.known = true;
      int dy = std::abs(a.year - b.year);
      if (dy == 0) {
        if (a.month && b.month && a.day && b.day) {
          if (a.month == b.month && a.day == b.day) {
            v.value = 1.0;
            v.detail = "same date " + a.ToString();
          } else if (a.month == b.day && a.day == b.month) {
            v.value = 0.6;
            v.detail = "day and month swapped: " + a.ToString() + " vs " + b.ToString();
          } else if (a.month == b.month) {
            v.value = 0.3;
            v.detail =
                "same year and month, different day: " + a.ToString() + " vs " + b.ToString();
          } else {
            v.value = 0.1;
            v.detail = "same year, different day: " + a.ToString() + " vs " + b.ToString();
          }
        } else if (a.month && b.month) {
          v.value = a.month == b.month ? 0.7 : 0.1;
          v.detail = (a.month == b.month ? "same month " : "same year, different month: ") +
                     a.ToString() + " vs " + b.ToString();
        } else {
          v.value = 0.5;
          v.detail = "same year " + std::to_string(a.year) + " (year precision)";
        }
      } else if (dy == 1) {
        v.value = -0.3;
        v.detail = "years differ by one: " + a.ToString() + " vs " + b.ToString();
      } else {
        v.value = -1.0;
        v.detail = "different birth dates: " + a.ToString() + " vs " + b.ToString();
      }
      if (v.value > best.value) best = v;
    }
  }
  return best;
}

}  // namespace

const Entity& PreparedEntity::entity() const { return rep_->entity; }

Matcher::Matcher(MatchOptions options) : options_(options) {}
Matcher::~Matcher() = default;

Result<std::unique_ptr<Matcher>> Matcher::Create(MatchOptions options) {
  if (!(options.threshold >= 0.0 && options.threshold <= 1.0)) {
    return Status::InvalidArgument("threshold must be between 0 and 1");
  }
  return std::unique_ptr<Matcher>(new Matcher(options));
}

PreparedEntity Matcher::Prepare(const Entity& e) const {
  auto rep = std::make_shared<PreparedEntity::Rep>();
  rep->entity = e;
  const auto& family = e.Get("lastName");
  for (const auto& n : e.Names()) {
    rep->names.push_back({names::AnalyzeName(n, e.schema, family), false});
  }
  for (const auto& n : e.WeakNames()) {
    rep->names.push_back({names::AnalyzeName(n, e.schema, family), true});
  }
  for (auto& pn : rep->names) {
    for (const auto& f : pn.analyzed.forms) pn.prepared.push_back(compare::PrepareForm(f));
  }
  for (const auto& d : e.Get("birthDate")) {
    if (auto pd = ParsePartialDate(d)) rep->birth_dates.push_back(*pd);
  }
  for (const char* prop : {"nationality", "citizenship", "country"}) {
    for (const auto& v : e.Get(prop)) {
      if (auto code = CountryCode(v)) {
        if (std::find(rep->countries.begin(), rep->countries.end(), *code) ==
            rep->countries.end()) {
          rep->countries.push_back(*code);
        }
      }
    }
  }
  for (const auto& g : e.Get("gender")) {
    rep->gender = NormalizeGender(g);
    if (!rep->gender.empty()) break;
  }
  for (const char* prop : {"idNumber", "passportNumber", "registrationNumber", "taxNumber",
                           "innCode", "ogrnCode", "leiCode", "imoNumber", "swiftBic", "vatCode"}) {
    for (const auto& v : e.Get(prop)) {
      std::string id = NormalizeIdentifier(v);
      if (id.size() >= 4 && std::find(rep->identifiers.begin(), rep->identifiers.end(), id) ==
                                rep->identifiers.end()) {
        rep->identifiers.push_back(std::move(id));
      }
    }
  }
  return PreparedEntity(std::move(rep));
}

Comparison Matcher::Compare(const Entity& query, const Entity& candidate) const {
  return Compare(Prepare(query), Prepare(candidate));
}

Comparison Matcher::Compare(const PreparedEntity& query, const PreparedEntity& candidate) const {
  return Evaluate(query, candidate, /*explain=*/true);
}

double Matcher::Score(const PreparedEntity& query, const PreparedEntity& candidate) const {
  return Evaluate(query, candidate, /*explain=*/false).score;
}

// The score, and when `explain` its explanation; the score is the same
// either way (only the text and the name alignment of the explanation are
// skipped).
Comparison Matcher::Evaluate(const PreparedEntity& query, const PreparedEntity& candidate,
                             bool explain) const {
  const auto& q = query.rep();
  const auto& c = candidate.rep();
  Comparison out;
  Explanation& ex = out.explanation;

  if (!SchemataCompatible(q.entity.schema, c.entity.schema)) {
    if (explain) {
      ex.features.push_back({"schema", -1, 1,
                             std::string(SchemaName(q.entity.schema)) + " cannot be " +
                                 std::string(SchemaName(c.entity.schema))});
    }
    return out;
  }
  const bool person = q.entity.schema == Schema::kPerson || c.entity.schema == Schema::kPerson;

  // Names: the best pair of forms over all names of both sides.
  thread_local compare::PartCache cache;
  cache.Reset();
  double best = -1;
  compare::NameScore best_score;
  const PreparedName* best_q = nullptr;
  const PreparedName* best_c = nullptr;
  const compare::PreparedForm* best_qf = nullptr;
  const compare::PreparedForm* best_cf = nullptr;
  for (const auto& qn : q.names) {
    for (const auto& cn : c.names) {
      const double weak_factor = (qn.weak || cn.weak) ? 0.9 : 1.0;
      for (const auto& qf : qn.prepared) {
        for (const auto& cf : cn.prepared) {
          // Two names in one script (not Latin) meet in each scheme, not
          // across schemes: both carry every reading, and one name's
          // Wade-Giles against the other's pinyin only adds coincidences
          // (张桢超 "chao" for 超, 赵臻 "chao" for 赵).
          if (!qf.latin && qf.script == cf.script && qf.scheme != cf.scheme) continue;
          compare::NameScore s = compare::CompareForms(qf, cf, person, /*explain=*/false, &cache);
          double v = s.score * weak_factor;
          if (v > best) {
            best = v;
            best_q = &qn;
            best_c = &cn;
            best_qf = &qf;
            best_cf = &cf;
            if (best >= 1.0) goto names_done;  // nothing can beat an exact name
          }
        }
      }
    }
  }
names_done:
  double name = std::max(best, 0.0);
  ex.name_score = name;
  if (best_q && explain) {
    best_score = compare::CompareForms(*best_qf, *best_cf, person, /*explain=*/true);
    ex.query_name = best_q->analyzed.original;
    ex.candidate_name = best_c->analyzed.original;
    ex.query_form = best_qf->scheme + ": " + best_qf->text;
    ex.candidate_form = best_cf->scheme + ": " + best_cf->text;
    ex.parts = std::move(best_score.parts);
  }
  if (explain) {
    std::string name_detail = best_q ? "\"" + ex.query_name + "\" ~ \"" + ex.candidate_name + "\"" +
                                           (best_q->weak || best_c->weak ? " (weak alias)" : "")
                                     : "no comparable names";
    ex.features.push_back({"name", name, 1.0, name_detail});
  }
  double score = name;

  // Identifiers: a shared passport or registration number is near-proof.
  for (const auto& id : q.identifiers) {
    if (std::find(c.identifiers.begin(), c.identifiers.end(), id) != c.identifiers.end()) {
      double before = score;
      score = name >= 0.5 ? std::max(score, 0.95) : 0.5 + 0.5 * score;
      if (explain) {
        ex.features.push_back({"identifier", 1, score - before, "identifier " + id + " on both"});
      }
      break;
    }
  }

  // Birth dates: agreement lifts a little, disagreement at year precision
  // pulls a same-name pair below the threshold ("Wang Wei, 1961" is not
  // "Wang Wei, 1984").
  DateVerdict dv = CompareBirthDates(q.birth_dates, c.birth_dates);
  if (dv.known) {
    double before = score;
    if (dv.value > 0) {
      score += (1 - score) * 0.35 * dv.value;
    } else {
      score *= 1 + 0.45 * dv.value;  // -1 -> x0.55, -0.3 -> x0.865
    }
    if (explain) ex.features.push_back({"birth_date", dv.value, score - before, dv.detail});
  }

  // Nationality / country: weak evidence either way (lists and forms differ
  // on citizenship vs residence).
  if (!q.countries.empty() && !c.countries.empty()) {
    bool overlap = false;
    for (const auto& cc : q.countries) {
      overlap =
          overlap || std::find(c.countries.begin(), c.countries.end(), cc) != c.countries.end();
    }
    double before = score;
    score = overlap ? score + (1 - score) * 0.1 : score * 0.9;
    if (explain) {
      std::string qs, cs;
      for (const auto& x : q.countries) qs += (qs.empty() ? "" : ",") + x;
      for (const auto& x : c.countries) cs += (cs.empty() ? "" : ",") + x;
      ex.features.push_back({"country", overlap ? 1 : -1, score - before,
                             overlap ? "shared country: " + qs + " / " + cs
                                     : "no shared country: " + qs + " vs " + cs});
    }
  }

  if (person && !q.gender.empty() && !c.gender.empty()) {
    double before = score;
    if (q.gender != c.gender) {
      score *= 0.75;
      if (explain) {
        ex.features.push_back({"gender", -1, score - before, q.gender + " vs " + c.gender});
      }
    } else if (explain) {
      ex.features.push_back({"gender", 1, 0, "both " + q.gender});
    }
  }

  // Organizations: legal forms weigh little; a clash lowers slightly.
  if (!person && best_q && !best_q->analyzed.legal_forms.empty() &&
      !best_c->analyzed.legal_forms.empty()) {
    const auto& a = best_q->analyzed.legal_forms;
    const auto& b = best_c->analyzed.legal_forms;
    bool same = std::any_of(a.begin(), a.end(), [&](const std::string& f) {
      return std::find(b.begin(), b.end(), f) != b.end();
    });
    double before = score;
    if (!same) score *= 0.95;
    if (explain) {
      ex.features.push_back({"legal_form", same ? 1.0 : -1.0, score - before,
                             a.front() + (same ? " = " : " vs ") + b.front()});
    }
  }

  out.score = std::clamp(score, 0.0, 1.0);
  out.match = out.score >= options_.threshold;
  return out;
}

}  // namespace vigil
