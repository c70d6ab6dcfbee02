// Name comparison: aligns the parts of two NameForms and scores the alignment.
//
// Each query part is paired with at most one candidate part (or with two
// adjacent candidate parts written as one: "abdulrahman" ~ "abdul rahman"),
// best pairs first. A pair's similarity comes from the strongest rule that
// holds, in order: exact, romanization variant (names::RomanizationKey, or two
// Chinese syllables that are readings of one character in two schemes),
// nickname, initial, phonetic code, edit distance (typo). The name score is a
// weighted Dice coefficient over parts: rare parts weigh more than common ones
// (names::NamePartWeight), family names more than given names, particles and
// patronymics less; unmatched parts lower the score, a missing middle name or
// an added Western given name less than a missing family name.
//
// Pure functions; thread-safe.
#ifndef VIGIL_COMPARE_NAME_COMPARE_H_
#define VIGIL_COMPARE_NAME_COMPARE_H_

#include <cstdint>
#include <span>
#include <string>

#include <string_view>
#include <vector>
#include "compare/transcription.h"

#include "names/name.h"
#include "names/transcription_model.h"
#include "vigil/matcher.h"

namespace vigil::compare {

// The similarity of two name parts and the rule that gave it.
struct PartSimilarity {
  double score = 0;         // 0 when no rule holds
  const char* method = "";  // exact | romanization | nickname | initial | phonetic | typo
  std::string_view scheme;  // for romanization: the scheme pair, e.g. "wade-giles"
};

// A part prepared for comparison: the text plus keys computed once.
struct PreparedPart {
  std::string text;
  std::string key;       // names::RomanizationKey(text)
  std::string phonetic;  // metaphone code
  std::string skeleton;  // TranscriptionSkeleton(text)
  SoundCode sounds;      // TranscriptionSounds(text), coded, for transcriptions
  names::PartRole role = names::PartRole::kAny;
  float weight = 1;  // rarity weight x role factor
  bool chinese_syllable = false;
  // Several Chinese syllables written as one word ("jinping") in a name that
  // reads as Chinese: it meets another such word only syllable by syllable,
  // in the form that splits them (see names::AddSyllableForm).
  bool chinese_word = false;
  // A part of a Latin name of two or more parts that reads as Chinese
  // ("Kangran Long"): its words are a Chinese name's syllables, which meet
  // characters by reading, never as a transcription of a foreign name.
  bool in_chinese_name = false;
  // A generational or regnal number in a person's name: 1 junior, 2 senior,
  // 10 + n the n-th (II, 3rd; 3세 and 三世 via the analyzer). Not aligned
  // with other parts; see CompareForms.
  uint8_t generation = 0;
  // Kanji kept as written (a "japanese" form): meets a Latin part only by
  // names::JapaneseReadingMatch; has no keys, skeleton or sounds.
  bool japanese = false;
  // A syllable of a Hangul name read as Chinese (scheme "sino-korean"): its
  // Revised Romanization, meeting a Latin Chinese syllable only by
  // names::SinoKoreanReading.
  bool sino_korean = false;
  // A one-letter part written as an initial ("J. Smith"), not a syllable of
  // a split Chinese word ("e" of "ma ri e").
  bool initial = false;
  // A whole transcribed name read as one word (古普塔 -> "guputa"): matches
  // exactly or by transcription skeleton only, never by edit distance.
  bool transcription_only = false;
  // The units such a part was written with (NamePart::native), as the
  // script's model knows them (names::ReadTranscriptionUnits); empty when
  // the part has no native text or some unit is unknown.
  names::TranscriptionUnits units;
  std::span<const uint32_t> nickname_groups;  // names::NicknameGroups(text), ascending
  uint64_t hash = 0;                          // of text, for PartCache
  uint32_t letters = 0;  // bit c-'a' set for each letter in text: a bound on edit distance
};

struct PreparedForm {
  std::vector<PreparedPart> parts;
  std::string scheme;
  std::string script;
  std::string text;  // parts joined with spaces, for the explanation
  // Read from script and scheme once, for CompareForms.
  bool latin = false;   // Latin script (or digits only)
  bool han = false;     // read from Han characters
  bool pinyin = false;  // the "pinyin" reading of Han characters
  bool hk = false;      // the Hong Kong Cantonese ("hk-cantonese") reading
  bool arabic = false;  // read from Arabic script
  // How the script transcribes foreign names: 1 syllabic (Han, Hangul,
  // kana), 2 alphabetic, 3 abjad (Arabic, Hebrew); 0 for Latin.
  uint8_t transcribes = 0;
  bool native = false;             // names::NameForm::native
  bool japanese = false;           // kanji kept as written (scheme "japanese")
  bool kana = false;               // read from kana
  bool sino_korean = false;        // a Hangul name read as Chinese (scheme "sino-korean")
  bool chinese_syllables = false;  // a Latin form with a part that is a Chinese syllable
};

PreparedForm PrepareForm(const names::NameForm& form);

// What the two forms being aligned are, which decides the rules that apply.
struct PairContext {
  bool person = true;       // nicknames, initials, gender variants
  bool both_latin = false;  // both written in Latin: Chinese syllables of any scheme meet
  // Both romanized from native scripts: their spellings are a scheme's, not
  // a clerk's, so the variant key (RomanizationKey), made for people's
  // spellings, does not apply ("siyeong" 시영 is not "seong" 性).
  bool both_native = false;
  bool both_syllabic = false;  // ... and both syllabic (Han, Hangul, kana): no typo rules
  bool cross_script = false;   // one side romanized from another script
  // Transcription rules (skeletons) apply across scripts, but not to readings
  // of Han characters, which are syllables compared as readings.
  bool transcription = false;
  // A pinyin reading of characters on one side: its syllables also meet the
  // many Hong Kong / Cantonese spellings of the same characters on the other.
  bool pinyin_vs_latin = false;
  // A Hong Kong reading on one side: its syllables also meet the other
  // Cantonese spellings of the same characters (Jyutping-like maang for mang).
  bool hk_vs_latin = false;
  // One side read from Arabic script, whose romanizations often fuse the
  // article: "alturk" for الترك against "Turk".
  bool arabic = false;
  // How faithfully the other script transcribes a Latin name, which decides
  // how close their sounds must be (TranscriptionSimilarity): syllabic
  // scripts (Han, Hangul, kana) add vowels and drop consonants they lack;
  // alphabets (Cyrillic, Greek) keep nearly every sound; abjads (Arabic,
  // Hebrew) leave vowels out, so their romanizations guess them, and the
  // consonants must agree closely. 0 when no transcription rule applies.
  float sounds_floor = 0;
  bool native = false;  // the other script's form is a native name (NameForm::native)
};

PartSimilarity ComparePart(const PreparedPart& a, const PreparedPart& b, const PairContext& ctx);

// A coarse consonant skeleton for comparing a Latin name with a romanized
// transcription of it (Korean, Chinese, Russian, Arabic transcriptions of
// foreign names drop and add vowels, merge l/r, voiced/voiceless): "gupta"
// and "guputa" -> "KPT".
std::string TranscriptionSkeleton(std::string_view text);

// Remembers part similarities within one entity comparison: the forms of a
// name share most of their parts (every Cyrillic scheme spells "putin" the
// same), so each distinct pair of parts is compared once per context.
class PartCache {
 public:
  void Reset() {
    ++generation_;
    size_ = 0;
  }
  const PartSimilarity* Find(uint64_t q, uint64_t c, uint16_t ctx) const;
  void Insert(uint64_t q, uint64_t c, uint16_t ctx, const PartSimilarity& sim);

 private:
  struct Entry {
    uint64_t q = 0, c = 0;
    uint32_t generation = 0;
    uint16_t ctx = 0;
    PartSimilarity sim;
  };
  static constexpr size_t kSize = 1024;  // power of two
  Entry entries_[kSize];
  uint32_t generation_ = 1;
  size_t size_ = 0;
};

struct NameScore {
  double score = 0;
  std::vector<PartAlignment> parts;  // the alignment, query order
};

// Scores query form `q` against candidate form `c`. `person` enables
// person-name rules (initials, nicknames, family-name weight). The alignment
// (NameScore::parts) is filled only when `explain` is set: the matcher
// scores every pair of forms and explains the best one.
NameScore CompareForms(const PreparedForm& q, const PreparedForm& c, bool person,
                       bool explain = true, PartCache* cache = nullptr);

// Whether the edit distance (adjacent transpositions allowed) of a and b is at
// most `limit`, and if so the distance; otherwise limit + 1. Banded: O(n*limit).
size_t BoundedEditDistance(std::string_view a, std::string_view b, size_t limit);

}  // namespace vigil::compare

#endif  // VIGIL_COMPARE_NAME_COMPARE_H_
