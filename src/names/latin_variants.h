// Romanization variants of Latin name tokens, and name particles.
//
// One native name reaches a list in several Latin spellings: Мохаммед as
// Mohammed, Muhammad, Mohamed; Владимир as Vladimir, Wladimir; Юрий as Yuri,
// Yury, Yuriy, Iouri; يوسف as Youssef, Yusuf, Yousef. RomanizationKey maps a
// token to a key on which such spellings meet, by general rules of how
// romanization schemes differ (not a list of names):
//   - consonant spellings: ph/f, kh/h, gh/g, th/t, dh/d, w/v, q/k, x/ks, ck/k,
//     c/k (c/s before e, i, y), dj/dzh/j, tch/tsch/ch, sch/sh, tz/ts, final
//     -ff/-v (Ivanoff), mc-/mac- (McDonald);
//   - vowels: ou/oo/u, ee/i, i/y before a vowel (Tatiana/Tatyana, Maria/Mariya),
//     y after a consonant before e/o (Pyotr/Petr, Fyodor/Fedor), initial ye-/e-
//     (Yevgeny/Evgeny), y/i elsewhere and j/i after a vowel (Nikolaj/Nikolay),
//     -iy/-ii/-ij/-y endings (Dmitriy/Dmitri), final -ah/-a, a silent final e
//     (Vialle/Vial), doubled letters once;
//   - vowel classes: the first vowel keeps its quality up to o/u and e/i
//     (Osama/Usama, Lee/Li; Chen and Chan stay apart), vowels inside the word
//     are dropped (Mohammed/Muhammad, Hussein/Husayn, Aleksandr/Alexander), a
//     final vowel keeps its class (Ivanov and Ivanova, Mario and Maria stay apart).
// The price is collisions between some different names that differ only in an
// inner vowel (Hamid/Hamad); the comparator still scores the spellings.
// Measured on Wikidata name tokens with a Russian or Arabic transliteration
// (netransliteration, CC0): of the pairs of different Latin spellings of one
// native token, 24.5% (Russian) / 36% (Arabic) get one key (many pairs there are
// spellings from different languages, Braun/Broun, which no rule should join);
// two unrelated tokens picked at random share a key 0.0015% of the time.
//
// Particles: Arabic al/el/ul, bin/ibn/ben/bint/binti, abu/abou and abd/abdul/
// abdel, and European van/von/de/la/du/da/di/del/della/dos/das/der/den/le.
// JoinArabicCompounds makes "abd al rahman", "abdul rahman", "abdel rahman",
// "abdurrahman" and "abdulrahman" one token, "abdulrahman".
//
// Inputs are lower-case ASCII tokens (text::FoldToAscii); other bytes are
// ignored. Pure functions; thread-safe.
#ifndef VIGIL_NAMES_LATIN_VARIANTS_H_
#define VIGIL_NAMES_LATIN_VARIANTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil::names {

// The romanization-variant key of one token; "" when it has no letters.
std::string RomanizationKey(std::string_view token);

enum class Particle : unsigned char {
  kNone = 0,
  kArticle,    // Arabic al, el, ul
  kFiliation,  // bin, ibn, ben, bint, binti ("son/daughter of"); "ben" may be a given name
  kAbu,        // abu, abou ("father of")
  kAbd,        // abd, abdul, abdel, abdal, abdoul ("servant of"), when standing alone
  kEuropean,   // van, von, de, der, den, la, le, du, da, di, del, della, dos, das, ...
};

Particle ParticleKind(std::string_view token);

// The canonical spelling of a particle: "al", "bin", "abu", "abd", or the
// European particle itself; "" when the token is not a particle.
std::string_view CanonicalParticle(std::string_view token);

// Joins Arabic "abd" compounds into one canonical token "abdul<name>":
// [abd, al, rahman], [abdul, rahman], [abdel, rahman], [abd, ar, rahman],
// [abdurrahman], [abdelrahman] all become [abdulrahman]; [abd, allah] and
// [abdallah] become [abdullah]. Other tokens are copied unchanged.
std::vector<std::string> JoinArabicCompounds(const std::vector<std::string>& tokens);

}  // namespace vigil::names

#endif  // VIGIL_NAMES_LATIN_VARIANTS_H_
