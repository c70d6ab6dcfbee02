#include "compare/keys.h"

#include <algorithm>
#include <unordered_map>

#include "compare/phonetic.h"
#include "compare/prepared.h"
#include "compare/transcription.h"
#include "names/chinese.h"
#include "names/japanese.h"
#include "names/latin_variants.h"
#include "names/transcription_model.h"

namespace vigil {

void CandidateKeys(const PreparedEntity& e, std::vector<std::string>* keys,
                   std::vector<float>* weights, std::vector<std::string>* own_pass) {
  std::unordered_map<std::string, float> out;
  std::vector<std::string> own;
  std::vector<std::string> sound_keys;
  auto add = [&out](std::string key, float w) {
    auto [it, inserted] = out.emplace(std::move(key), w);
    if (!inserted) it->second = std::max(it->second, w);
  };
  for (const auto& name : e.rep().names) {
    for (const auto& form : name.prepared) {
      const auto& parts = form.parts;
      for (size_t i = 0; i < parts.size(); ++i) {
        const auto& p = parts[i];
        if (p.role == names::PartRole::kParticle || p.text.empty()) continue;
        if (p.japanese) {
          // Kanji under their likely romaji ("j:tanaka" for 田中), met by the
          // folded romaji of Latin parts below.
          for (auto& r : names::JapaneseKeyReadings(p.text, 32)) {
            own.push_back("j:" + r);
            add("j:" + r, 1.0f);
          }
          continue;
        }
        const float w = std::min(1.0f, p.weight);
        add("t:" + p.text, w);
        if (form.latin) {
          std::string j = names::JapaneseKey(p.text);
          if (j.size() >= 4) add("j:" + j, w);
        }
        if (!p.key.empty()) add("r:" + p.key, w);
        if (p.text.size() >= 4 && !p.phonetic.empty()) add("p:" + p.phonetic, w * 0.8f);
        for (uint32_t g : p.nickname_groups) add("n:" + std::to_string(g), w * 0.8f);
        // Adjacent parts joined, in the token namespace: "da wen" meets "dawen".
        if (i + 1 < parts.size()) add("t:" + p.text + parts[i + 1].text, w);
        // A Chinese syllable also files under every syllable it can be in
        // another scheme, so "hsi" finds "xi" and "chan" finds "chen".
        if (p.chinese_syllable) {
          for (const auto& alt : names::ChineseSyllableEquivalents(p.text)) add("t:" + alt, w);
        } else if (p.transcription_only && !p.units.empty()) {
          // A foreign name in characters: the Latin spellings the
          // transcription model finds likeliest, keyed as Latin parts are,
          // and its sounds.
          for (const std::string& spelling : names::TranscriptionSpellings(p.units, 4)) {
            const std::string key = names::RomanizationKey(spelling);
            if (!key.empty()) {
              own.push_back("r:" + key);
              add("r:" + key, w * 0.6f);
            }
            const std::string code = compare::Metaphone(spelling);
            if (spelling.size() >= 4 && !code.empty()) {
              own.push_back("p:" + code);
              add("p:" + code, w * 0.6f);
            }
          }
          sound_keys.clear();
          compare::TranscriptionKeys(p.sounds, &sound_keys);
          for (auto& k : sound_keys) add("s:" + k, w * 0.5f);
        } else if (form.latin || form.transcribes == 1) {
          // Its sounds, so that a transcription in a syllabic script finds
          // the Latin name (and back): "maikeul" (마이클) and "michael" share
          // "s:MKR". Alphabets and abjads transcribe closely enough for the
          // keys above.
          sound_keys.clear();
          compare::TranscriptionKeys(p.sounds, &sound_keys);
          for (auto& k : sound_keys) add("s:" + k, w * 0.5f);
        }
      }
    }
  }
  for (const auto& id : e.rep().identifiers) add("i:" + id, 1.0f);
  if (own_pass != nullptr) {
    std::sort(own.begin(), own.end());
    own.erase(std::unique(own.begin(), own.end()), own.end());
    for (auto& k : own) own_pass->push_back(std::move(k));
  }
  std::vector<std::pair<std::string, float>> sorted(out.begin(), out.end());
  std::sort(sorted.begin(), sorted.end());
  for (auto& [k, w] : sorted) {
    keys->push_back(std::move(k));
    weights->push_back(w);
  }
}

}  // namespace vigil
