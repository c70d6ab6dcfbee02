#ifndef VIGIL_COMPARE_TRANSCRIPTION_H_
#define VIGIL_COMPARE_TRANSCRIPTION_H_

// How close a Latin word is to a romanized transcription of it in another
// script: "Michael" and 마이클 "maikeul", "Redmond" and 雷蒙 "leimeng",
// "Weedon" and уидон "uidon". Transcriptions into Chinese characters,
// Hangul, kana or Cyrillic follow the sounds of the name, not its letters:
// they add vowels between consonants (maikeul), drop consonants the target
// language lacks (a final d, an r before a consonant), and hear one sound
// where the spelling has two letters (ch, sh, th, ph). So both words are
// reduced to sound classes and aligned with a weighted edit distance whose
// costs say which sounds transcriptions confuse (p/b/f/v, s/sh/ch, k/g/h,
// l/r) and which they add or drop (vowels, h, r, glides).

#include <string>
#include <string_view>
#include <vector>

namespace vigil::compare {

// The sound classes of a lowercase ASCII word, one byte per sound:
//   'a' a vowel (runs of vowels are one sound), 'Y' 'W' glides,
//   'P' p b, 'F' f v ph, 'M' m, 'N' n ng, 'T' t d dh, 'Z' th, 'S' s ts c(e/i),
//   'z' z (the j of Korean and Japanese transcriptions), 'c' ts tz,
//   'X' sh zh sch, 'C' ch (English ch, Greek/German kh), 'J' j (English dzh,
//   German y, Spanish h), 'G' g before e/i/y, 'K' k g q c ck, 'H' h kh,
//   'R' r l, 'L' an r or l after a vowel and before a consonant or at the end,
//   'Q' the palatal j q x of pinyin.
// `pinyin` reads the word as joined Hanyu pinyin syllables ("leimeng"):
// j q x are palatals, zh ch sh one sound, "er" an r.
std::string TranscriptionSounds(std::string_view word, bool pinyin);

// A sound string coded for TranscriptionSimilarity: one class index per
// sound, and their total weight. Computed once per name part.
struct SoundCode {
  std::string cls;
  float weight = 0;
};
SoundCode EncodeSounds(std::string_view sounds);

// Appends `more` to `run` as one word would be heard: a sound repeated
// across the join is one sound.
void AppendSounds(SoundCode* run, const SoundCode& more);

// Retrieval keys for a coded word, so that a list can find the Latin name a
// transcription came from (and back): the first three consonants in coarse
// classes (p/f, m/n, t/th, s/z/ts/sh/j, k, r; vowels, glides, h and a coda
// r dropped), each way to read an ambiguous one (ch as s or k, pinyin q as
// s or k, j as s or silent), and the same with one of the three left out.
// "michael" and 마이클 "maikeul" share "MKR"; 雷蒙 "leimeng" and "redmond"
// share "RN". Empty for words of fewer than two consonants.
void TranscriptionKeys(const SoundCode& code, std::vector<std::string>* keys);

// Similarity in [0, 1] of two sound strings: 1 - (weighted edit cost) /
// (the larger of their weights). Vowels weigh and cost little; a consonant
// the other side lacks or replaces by an unrelated one costs its full weight.
// Returns 0 early when the similarity cannot reach `floor`.
double TranscriptionSimilarity(std::string_view a, std::string_view b, double floor = 0);
double TranscriptionSimilarity(const SoundCode& a, const SoundCode& b, double floor = 0);

// Whether two sound strings begin alike enough to be one name: the same
// class or classes that transcriptions swap (k/g/c, j/ch/sh, p/f), vowels
// with glides or h. Transcriptions keep a name's first sound.
bool TranscriptionOnsetsAgree(std::string_view a, std::string_view b);
bool TranscriptionOnsetsAgree(const SoundCode& a, const SoundCode& b);

}  // namespace vigil::compare

#endif  // VIGIL_COMPARE_TRANSCRIPTION_H_
