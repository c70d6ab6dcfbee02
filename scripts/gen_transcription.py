#!/usr/bin/python3
"""Learns how a script transcribes foreign names, unit by unit (src/names/data/*/*_transcription.tsv).

Chinese writes a foreign name by sound, one character per syllable: Redmond
雷蒙 (re|dmond), Gupta 古普塔 (gu|p|ta), Shakespeare 莎士比亚. Which letters a
character stands for is a convention (the Xinhua transcription tables), not
its Mandarin reading: 斯 writes a bare s, 尔 an r or l, 德 a d, 克 a k or c.
This script learns those conventions from the Wikidata name pairs of
netransliteration (CC0): for each unit (a character, a syllable block), the
Latin letter runs it writes and how often, by expectation maximization over
the monotone alignments of each pair (every unit writes one to five
consecutive letters, a Hangul block up to six).

--script han (the default): Chinese characters, from
wd_chinese.normalized.aligned.tokens (one Latin word and its characters a
row), pooled by toneless pinyin; src/names/data/han/han_transcription.tsv.

--script hangul: Hangul syllable blocks, which Korean uses the same way
(마이클 ma|i|chael, 슈테판 s|te|fan, 츠바이크 z|we|i|g), from wd_korean (full
names, English<TAB>Hangul): the words of a name pair up when both sides
have as many (diacritics folded, hyphens and apostrophes dropped, words
with other marks or digits skipped), in the order that the model of a
first round of EM finds likelier (아카다 쇼고 is Shogo Akada); blocks are
pooled by their Revised Romanization (data/hangul/hangul_transcription.tsv).

--script cyrillic: Russian letters, as Russian writes foreign names by ear
(Hippocrates гиппократ h|i|p|p|o|c|r|a|tes, Dufault дюфо d|u|f|ault), from
wd_russian_80 and wd_russian_20 (one Latin word and its letters a row),
pooled by ICAO 9303 reading (src/text/data/cyrillic_schemes.tsv). A letter
writes none to four letters: the signs ь and ъ mostly nothing, and one of дж
(j) or кс (x) nothing; never the first letter of a word.
(data/cyrillic/cyrillic_transcription.tsv.)

--script arabic: Arabic letters, from wd_arabic.normalized.aligned.tokens
and the google-ar2en training split (one word a row; never its evaluation
split, which tests/eval/arabic_ar2en.tsv comes from). An abjad leaves short
vowels out, so a letter writes its consonant and the short vowels beside it
(برنارد b|er|n|a|r|d), and a letter may write nothing the Latin word shows
(تشميتز |sch|m|i|t|z for Schmitz, إيان |i|a|n for Ian): a unit writes zero to
five letters. Vowel marks, shadda and tatweel are left out, Persian yeh and
kaf folded; the article ال is learned only with a Latin word that has it
(al, el). Letters are pooled with their other forms (alef and its hamza
forms, heh and ta marbuta, yeh and alef maqsura);
data/arabic/arabic_transcription.tsv. Words of tests/eval's two Arabic
groups are left out too.

Rows whose Latin word (Han, Cyrillic, Arabic) or English full name (Hangul) falls in the
reserved tenth (crc32 % 10 == 0; the pool of `gen_eval.py --holdout`) or
appears in tests/eval are left out, so the evaluation groups measure names
the model never saw.

Output rows: unit, its reading, the number of names it was seen in, then
segment:count pairs (expected counts, at least 0.5); and `~` rows, the
letter bigrams of the names, which say how likely a word's letters are
anyway. names/transcription_model.cc reads them; it pools the units of one
reading for segments a unit was seen writing rarely or never.

Usage: /usr/bin/python3 scripts/gen_transcription.py [--script han|hangul|cyrillic|arabic] [--no-ar2en] [SHARED_DATA_DIR]
       /usr/bin/python3 scripts/gen_transcription.py [--script S] --check [--verbose] [SHARED_DATA_DIR [PAIRS.tsv ...]]
       /usr/bin/python3 scripts/gen_transcription.py [--script S] --reserved-pairs OUT.tsv [SHARED_DATA_DIR]
--check scores pair files (default: the script's tests/eval group and
"reserved", every reserved pair with look-alike negatives) with the
table as written, the way names/transcription_model.cc does, and prints the
best F1 the evidence alone reaches (of a full name: its weakest word);
--verbose prints every pair's evidence. --reserved-pairs writes those
reserved pairs in the format of tests/eval, for `vigil eval --pairs`.
--no-ar2en learns the Arabic model from the Wikidata pairs alone (the
reserved tenth scores the same, F1 0.978 by evidence alone; the evaluation
groups slightly lower).
"""
import math
import os
import random
import sys
import unicodedata
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES_DATA = os.path.join(ROOT, "src", "names", "data")
HAN = os.path.join(NAMES_DATA, "han")
ARGV = sys.argv[1:]
SCRIPT = "han"
if "--script" in ARGV:
    i = ARGV.index("--script")
    SCRIPT = ARGV[i + 1]
    del ARGV[i:i + 2]
RESERVED_OUT = None
if "--reserved-pairs" in ARGV:
    i = ARGV.index("--reserved-pairs")
    RESERVED_OUT = ARGV[i + 1]
    del ARGV[i:i + 2]
ARGS = [a for a in ARGV if not a.startswith("--")]
CHECK = "--check" in ARGV
USE_AR2EN = "--no-ar2en" not in ARGV
VERBOSE = "--verbose" in ARGV
CHECK_FILES = None
if CHECK and len(ARGS) > 1:
    CHECK_FILES = ARGS[1:]
    ARGS = ARGS[:1]
DATA = ARGS[0] if ARGS else os.path.join(ROOT, "..", "shared", "data")
PAIRS_DIR = os.path.join(DATA, "pairs", "netransliteration")
ITERATIONS = 12

FOLD = {"ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}


def fold(word):
    out = []
    for ch in word.lower():
        ch = FOLD.get(ch, ch)
        for c in unicodedata.normalize("NFKD", ch):
            if "a" <= c <= "z":
                out.append(c)
            elif unicodedata.category(c) != "Mn":
                return None
    return "".join(out)


def lookalike_rows(pairs):
    """Each (latin, native) pair as a match, and the Latin name against
    another pair's native name as a look-alike non-match (same initial,
    length within two), as gen_eval.py's groups do."""
    by_initial = {}
    for p in pairs:
        by_initial.setdefault(p[0][0], []).append(p)
    rng = random.Random(7)
    rows = []
    for latin, native in pairs:
        rows.append(["match", "Person", latin.capitalize(), native])
        pool = [p for p in by_initial[latin[0]] if p[0] != latin and abs(len(p[0]) - len(latin)) <= 2]
        if pool:
            rows.append(["no_match", "Person", latin.capitalize(), rng.choice(pool)[1]])
    return rows


def reserved(latin):
    """The holdout tenth: `gen_eval.py --holdout` draws its rows here."""
    return zlib.crc32(latin.lower().encode()) % 10 == 0


# --- Chinese characters -------------------------------------------------------

def load_t2s():
    t2s = {}
    with open(os.path.join(HAN, "han_t2s.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            a, b = line.rstrip("\n").split("\t")[:2]
            t2s[a] = b
    return t2s


def load_pinyin():
    py = {}
    with open(os.path.join(HAN, "han_chars.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 3 and cols[2]:
                py[cols[0]] = cols[2].split()[0]
    return py


def is_han(ch):
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


class Han:
    """Chinese characters: one Latin word and its characters a row."""
    name = "han"
    table = os.path.join(HAN, "han_transcription.tsv")
    pairs = os.path.join(PAIRS_DIR, "wd_chinese.normalized.aligned.tokens")
    eval_group = os.path.join(ROOT, "tests", "eval", "cross_script_chinese.tsv")
    max_seg = 5
    min_seg = 1
    header = ("# Generated by scripts/gen_transcription.py --script han; do not edit. Learned from\n"
              "# netransliteration (Wikidata, CC0), see README.md. Rows:\n"
              "#   char<TAB>pinyin<TAB>names<TAB>segment:count ...   (expected counts)\n"
              "#   ~<TAB>ab<TAB>log P(b | a)   letter bigrams of the names, ^ and $ the ends\n")
    # The scorer's constants, as names/transcription_model.cc has them (for --check).
    params = dict(
        floor=1e-4,           # P of an unseen one-letter segment; x0.05 per more letter
        char_prior=3.0,       # pseudo-names backing a unit off to its reading
        syllable_prior=2.0,   # pseudo-names backing a reading off to the floor
        back_prior=5.0,       # pseudo-names backing P(unit | segment) off to P(unit)
        back_weight=0.5,      # weight of the unit direction in the evidence
        odd_share=0.03,       # a segment whose consonants the unit writes this rarely ...
        odd_cost=1.5,         # ... costs this much evidence, unless it holds
        dropped_share=0.2,    # consonants the unit writes this often, and one more
        min_names=5,          # a unit seen in fewer transcribed names: not a transcription
    )

    def __init__(self):
        self.t2s = load_t2s()

    def units(self, native):
        """The characters of a native name, simplified; None when not Han."""
        return "".join(self.t2s.get(c, c) for c in native if is_han(c))

    def readings(self):
        return load_pinyin()

    def training_pairs(self):
        held = self.eval_words()
        pairs = []
        with open(self.pairs, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 2:
                    continue
                latin = fold(cols[0])
                chars = cols[1].split()
                if not latin or len(latin) < 2 or not chars or not all(len(c) == 1 and is_han(c) for c in chars):
                    continue
                chars = "".join(self.t2s.get(c, c) for c in chars)
                if not reserved(cols[0]):
                    pairs.append((latin, chars))
        return [(l, c) for l, c in pairs if l not in held]

    def eval_words(self):
        words = set()
        with open(self.eval_group, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) >= 4:
                    w = fold(cols[2])
                    if w:
                        words.add(w)
        return words

    def reserved_rows(self):
        """Every reserved pair, and as many pairs of a reserved name with another
        one's characters (same initial, length within two): like gen_eval.py's
        groups, but ten times their size."""
        pairs = []
        with open(self.pairs, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and reserved(cols[0]) and len(cols[0]) >= 3 and cols[0].isalpha():
                    pairs.append((cols[0], cols[1].replace(" ", "")))
        return lookalike_rows(pairs)

    def evidence(self, model, latin, native):
        """The model's evidence for a pair of names; None when it cannot say."""
        latin, units = fold(latin), self.units(native)
        return model.evidence(latin, units) if latin and units else None


# --- Hangul syllable blocks ---------------------------------------------------

HANGUL = os.path.join(NAMES_DATA, "hangul")
# Revised Romanization of a block's jamo, as src/text/internal/hangul.cc has it.
RR_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
RR_VOWEL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
            "yu", "eu", "ui", "i"]
RR_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t",
            "ng", "t", "t", "k", "t", "p", "t"]


def is_block(ch):
    return 0xAC00 <= ord(ch) <= 0xD7A3


def rr(block):
    i = ord(block) - 0xAC00
    return RR_INITIAL[i // 588] + RR_VOWEL[i % 588 // 28] + RR_FINAL[i % 28]


def fold_word(word):
    """A Latin word folded to a-z, hyphens and apostrophes dropped; None
    when it has digits or other marks."""
    return fold(word.replace("-", "").replace("'", "").replace("’", ""))


def viterbi(prob, latin, units, max_seg):
    """log P of the best alignment under EM's P(segment | unit); None when none."""
    n, m = len(units), len(latin)
    if m < n or m > max_seg * n:
        return None
    best = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for j in range(n):
        d = prob.get(units[j], {})
        for i in range(m):
            if best[j][i] is None:
                continue
            for k in range(1, min(max_seg, m - i) + 1):
                v = best[j][i] + math.log(d.get(latin[i:i + k], 1e-9))
                if best[j + 1][i + k] is None or v > best[j + 1][i + k]:
                    best[j + 1][i + k] = v
    return best[n][m]


class Hangul:
    """Hangul syllable blocks: full names, paired word by word."""
    name = "hangul"
    table = os.path.join(HANGUL, "hangul_transcription.tsv")
    pairs = os.path.join(PAIRS_DIR, "wd_korean")
    eval_group = os.path.join(ROOT, "tests", "eval", "cross_script_korean.tsv")
    max_seg = 6  # 니체 nie|tzsche
    min_seg = 1
    header = ("# Generated by scripts/gen_transcription.py --script hangul; do not edit. Learned from\n"
              "# netransliteration (Wikidata, CC0), see README.md. Rows:\n"
              "#   block<TAB>revised romanization<TAB>names<TAB>segment:count ...   (expected counts)\n"
              "#   ~<TAB>ab<TAB>log P(b | a)   letter bigrams of the names, ^ and $ the ends\n")
    # Han's: the evidence alone separates the reserved names about as well
    # (F1 within 0.002) for unit priors from 1 to 8, back weights from 0 to 1
    # and odd costs from 1 to 2.5.
    params = dict(
        floor=1e-4,
        char_prior=3.0,
        syllable_prior=2.0,
        back_prior=5.0,
        back_weight=0.5,
        odd_share=0.01,
        odd_cost=1.5,
        dropped_share=2.0,   # never: blocks write every consonant heard (마이크 Mike, 마이클 Michael)
        min_names=0,
    )

    def units(self, native):
        return native if native and all(is_block(c) for c in native) else None

    def readings(self):
        return {chr(c): rr(chr(c)) for c in range(0xAC00, 0xD7A4)}

    def word_rows(self, en, ko):
        """The (Latin word, Hangul word) pairs of a name, in writing order;
        None unless both sides have as many words."""
        et, kt = en.split(), ko.split()
        if len(et) != len(kt):
            return None
        out = []
        for e, k in zip(et, kt):
            latin = fold_word(e)
            if latin and self.units(k):
                out.append((latin, k))
        return out

    def held_out(self):
        """English names in tests/eval (both sides of its negatives too)."""
        names = set()
        with open(self.eval_group, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 4:
                    names.add(cols[2])
                    names.add(cols[3])
                if len(cols) >= 5 and ": " in cols[4]:
                    names.add(cols[4].split(": ", 1)[1])
        return names

    def training_pairs(self):
        held = self.held_out()
        rows = []
        with open(self.pairs, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 2 or reserved(cols[0]) or cols[0] in held or cols[1] in held:
                    continue
                words = self.word_rows(cols[0], cols[1])
                if words:
                    rows.append(words)
        # Which way round: a first round on the words as written, then each
        # name of several words in the order its model finds likelier.
        straight = [p for words in rows for p in words]
        print(f"{len(straight)} word pairs in {len(rows)} names, as written", file=sys.stderr)
        counts = em(straight, self.max_seg)
        prob = {}
        for c, cc in counts.items():
            total = sum(cc.values())
            prob[c] = {s: v / total for s, v in cc.items()} if total else {}
        pairs, turned = [], 0
        for words in rows:
            if len(words) >= 2:
                back = list(zip([l for l, _ in words], [k for _, k in reversed(words)]))
                a = [viterbi(prob, l, k, self.max_seg) for l, k in words]
                b = [viterbi(prob, l, k, self.max_seg) for l, k in back]
                if None not in b and (None in a or sum(b) > sum(a)):
                    words = back
                    turned += 1
            pairs.extend(words)
        print(f"{turned} names turned round", file=sys.stderr)
        return pairs

    def name_rows(self, only_reserved):
        rows = []
        with open(self.pairs, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) != 2 or (only_reserved and not reserved(cols[0])):
                    continue
                en, ko = cols
                toks = en.split()
                if len(toks) < 2 or len(toks) > 4 or any(len(t) < 2 for t in toks) or "." in en:
                    continue
                if any(ch.isdigit() or ch in "()" for ch in en):
                    continue
                rows.append((en, ko))
        return rows

    def reserved_rows(self):
        """Every reserved full name (as gen_eval.py's Korean group chooses
        them), each with two negatives from other reserved names: another
        person of the same given name (gen_eval.py's negative), and the name
        with its last Hangul word taken from a name whose last Latin word
        looks alike (same initial, length within two: Schmidt, Schmitz)."""
        pairs = self.name_rows(True)
        rng = random.Random(7)
        by_first = {}
        for en, ko in pairs:
            by_first.setdefault(en.split()[0], []).append((en, ko))
        rows = []
        for en, ko in pairs:
            rows.append(["match", "Person", en, ko, "full name in Latin vs Hangul"])
        for en, ko in pairs:
            pool = [p for p in by_first[en.split()[0]] if p[0].split()[-1] != en.split()[-1]]
            if pool:
                other = rng.choice(pool)
                why = "same given name, other person: "
            else:
                other = rng.choice(pairs)
                if other[0] == en:
                    continue
                why = "other person: "
            rows.append(["no_match", "Person", en, other[1], why + other[0]])
        by_initial = {}
        for en, ko in pairs:
            last = fold_word(en.split()[-1])
            if last and len(ko.split()) >= 2:
                by_initial.setdefault(last[0], []).append((last, ko.split()[-1]))
        for en, ko in pairs:
            last = fold_word(en.split()[-1])
            words = ko.split()
            if not last or len(words) < 2:
                continue
            pool = [p for p in by_initial.get(last[0], []) if p[0] != last and abs(len(p[0]) - len(last)) <= 2
                    and p[1] != words[-1]]
            if pool:
                other = rng.choice(pool)
                rows.append(["no_match", "Person", en, " ".join(words[:-1] + [other[1]]),
                             "last word of another name alike: " + other[0]])
        return rows

    def evidence(self, model, latin, native):
        """Of a full name: its weakest word, in the likelier order."""
        words = self.word_rows(latin, native)
        if not words:
            return None
        orders = [words]
        if len(words) >= 2:
            orders.append(list(zip([l for l, _ in words], [k for _, k in reversed(words)])))
        best = None
        for order in orders:
            es = [model.evidence(l, k) for l, k in order]
            if None in es:
                continue
            if best is None or sum(es) > sum(best):
                best = es
        return min(best) if best else None


# --- Cyrillic letters ---------------------------------------------------------

CYRILLIC = os.path.join(NAMES_DATA, "cyrillic")
RUSSIAN = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"


class Cyrillic:
    """Cyrillic letters: one Latin word and its letters a row, as Russian
    writes foreign names (Hippocrates гиппократ, Wedd уэдд, Dufault дюфо).
    A letter may write no Latin letter: the signs ь and ъ, and one of two
    letters for one Latin letter (дж for j, кс for x)."""
    name = "cyrillic"
    table = os.path.join(CYRILLIC, "cyrillic_transcription.tsv")
    pair_files = [os.path.join(PAIRS_DIR, "wd_russian_80"), os.path.join(PAIRS_DIR, "wd_russian_20")]
    eval_group = os.path.join(ROOT, "tests", "eval", "cross_script_russian.tsv")
    max_seg = 4  # щ szcz, о eaux
    min_seg = 0
    header = ("# Generated by scripts/gen_transcription.py --script cyrillic; do not edit. Learned from\n"
              "# netransliteration (Wikidata, CC0), see README.md. Rows:\n"
              "#   letter<TAB>ICAO 9303 reading<TAB>names<TAB>segment:count ...   (expected counts;\n"
              "#   an empty segment: the letter writes no Latin letter)\n"
              "#   ~<TAB>ab<TAB>log P(b | a)   letter bigrams of the names, ^ and $ the ends\n")
    params = dict(Han.params, min_names=0)

    def units(self, native):
        """The letters of a Cyrillic word, lower case; None when not Russian."""
        word = native.replace(" ", "").lower()
        return word if word and all(c in RUSSIAN for c in word) else None

    def readings(self):
        """ICAO 9303, as src/text/data/cyrillic_schemes.tsv has it (the letter
        itself for the soft sign, which ICAO leaves out)."""
        out = {}
        with open(os.path.join(ROOT, "src", "text", "data", "cyrillic_schemes.tsv"), encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 4 and cols[0] == "icao_doc_9303" and cols[1] == "m" and cols[2] in RUSSIAN:
                    out[cols[2]] = cols[3] or cols[2]
        return out

    def rows(self):
        """(Latin as written, Cyrillic letters) of both files, in order."""
        for path in self.pair_files:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) >= 2:
                        yield cols[0], cols[1]

    def eval_words(self):
        return Han.eval_words(self)

    def training_pairs(self):
        held = self.eval_words()
        pairs, seen = [], set()
        for latin_raw, native in self.rows():
            latin, units = fold(latin_raw), self.units(native)
            if not latin or len(latin) < 2 or not units or reserved(latin_raw) or latin in held:
                continue
            if (latin, units) not in seen:
                seen.add((latin, units))
                pairs.append((latin, units))
        return pairs

    def reserved_rows(self):
        """Every reserved pair (as gen_eval.py's Russian group chooses them),
        and as many pairs of a reserved name with another one's letters
        (same initial, length within two)."""
        pairs, seen = [], set()
        for latin, native in self.rows():
            native = native.replace(" ", "")
            if reserved(latin) and len(latin) >= 3 and latin.isalpha() and (latin, native) not in seen:
                seen.add((latin, native))
                pairs.append((latin, native))
        return lookalike_rows(pairs)

    def evidence(self, model, latin, native):
        latin, units = fold(latin), self.units(native)
        return model.evidence(latin, units) if latin and units else None


# --- Arabic letters -----------------------------------------------------------

ARABIC = os.path.join(NAMES_DATA, "arabic")
# The letters a unit is, after folding (names/transcription_model.cc folds
# the same way): Persian yeh and kaf, the knotted heh, are the Arabic ones;
# vowel marks, shadda and tatweel are left out (an abjad's spelling rarely
# has them, and a doubled letter is written once either way).
ARABIC_FOLD = {"ی": "ي", "ک": "ك", "ھ": "ه", "ہ": "ه"}
ARABIC_MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640", "\u200c", "\u200d", "\u200e",
                                                           "\u200f"}
# The units, and the reading each is pooled with for letter runs it was
# seen writing rarely: the alef forms, the hamza seats, heh and ta marbuta,
# yeh and alef maqsura.
ARABIC_READINGS = {
    "ا": "alef", "أ": "alef", "إ": "alef", "آ": "alef", "ء": "hamza", "ؤ": "hamza", "ئ": "hamza",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "hh", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "ss", "ض": "dd", "ط": "tt", "ظ": "zz", "ع": "ayn", "غ": "gh",
    "ف": "f", "ڤ": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "h", "و": "w",
    "ي": "y", "ى": "y",
}


def arabic_letters(word):
    """The units of an Arabic-script word (NFKC, folded, marks left out);
    None when a letter is not a unit."""
    out = []
    for ch in unicodedata.normalize("NFKC", word):
        ch = ARABIC_FOLD.get(ch, ch)
        if ch in ARABIC_MARKS or ch == " ":
            continue
        if ch not in ARABIC_READINGS:
            return None
        out.append(ch)
    return "".join(out) or None


class Arabic:
    """Arabic letters: one Latin word and its Arabic spelling a row.

    An abjad leaves short vowels out, so a letter writes its consonant and
    the short vowels beside it (برنارد b|er|n|a|r|d for Bernard), and a
    letter may write nothing the Latin spelling shows (إيان for Ian, the ت
    of تشميتز for Schmitz): a unit writes zero to five letters. The article ال is written
    joined; a pair whose Latin word does not begin with al or el is learned
    without it (الشامي for Shami), as the analyzer splits it off."""
    name = "arabic"
    table = os.path.join(ARABIC, "arabic_transcription.tsv")
    pairs = os.path.join(PAIRS_DIR, "wd_arabic.normalized.aligned.tokens")
    ar2en = os.path.join(DATA, "pairs", "google-ar2en", "ar2en-train.txt")
    eval_group = os.path.join(ROOT, "tests", "eval", "cross_script_arabic.tsv")
    eval_groups = [eval_group, os.path.join(ROOT, "tests", "eval", "arabic_ar2en.tsv")]
    max_seg = 5
    min_seg = 0
    min_first = 0  # تشميتز |sch|m|i|t|z, إيان |i|a|n
    header = ("# Generated by scripts/gen_transcription.py --script arabic; do not edit. Learned from\n"
              "# netransliteration (Wikidata, CC0) and the google-ar2en training split (Apache-2.0),\n"
              "# see NOTICE. Rows:\n"
              "#   letter<TAB>reading<TAB>names<TAB>segment:count ...   (expected counts; \":\" writes nothing)\n"
              "#   ~<TAB>ab<TAB>log P(b | a)   letter bigrams of the names, ^ and $ the ends\n")
    params = dict(Han.params, min_names=0)

    def units(self, native):
        return arabic_letters(native)

    def readings(self):
        return dict(ARABIC_READINGS)

    def held_out(self):
        """Latin words and Arabic words of tests/eval's Arabic groups (both
        sides of their negatives too)."""
        words = set()
        for path in self.eval_groups:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.startswith("#"):
                        continue
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) >= 4:
                        words.add(fold(cols[2]))
                        words.add(self.units(cols[3]))
                    if len(cols) >= 5 and ": " in cols[4]:
                        words.add(fold(cols[4].split(": ", 1)[1]))
        words.discard(None)
        return words

    def pair(self, latin_raw, native):
        """A training pair, the article dropped where the Latin word lacks it."""
        latin, units = fold(latin_raw), self.units(native)
        if not latin or not units or len(latin) < 2:
            return None
        if units.startswith("ال") and len(units) >= 4 and not latin.startswith(("al", "el")):
            units = units[2:]
        return latin, units

    def training_pairs(self):
        held = self.held_out()
        rows = []
        with open(self.pairs, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                if len(cols) >= 2 and not reserved(cols[0]):
                    rows.append((cols[0], cols[1].replace(" ", "")))
        if USE_AR2EN:
            with open(self.ar2en, encoding="utf-8") as f:
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) >= 2 and not reserved(cols[1]):
                        rows.append((cols[1], cols[0]))
        pairs = []
        for latin_raw, native in rows:
            p = self.pair(latin_raw, native)
            if p and p[0] not in held and self.units(native) not in held:
                pairs.append(p)
        return pairs

    def reserved_rows(self):
        return Han.reserved_rows(self)

    def evidence(self, model, latin, native):
        p = self.pair(latin, native)
        return model.evidence(*p) if p else None


SCRIPTS = {"han": Han, "hangul": Hangul, "cyrillic": Cyrillic, "arabic": Arabic}


# --- Learning -----------------------------------------------------------------

def lowest(min_seg, j, min_first=1):
    """The fewest letters unit j writes: a word's first letter is heard, so
    its first unit writes at least one even where others may write none
    (min_first 1), unless a script writes a silent letter first (Arabic:
    the ت of تش for sch, min_first 0)."""
    return max(min_seg, min_first) if j == 0 else min_seg


def em(pairs, max_seg, min_seg=1, min_first=1):
    """P(segment | unit) by EM over monotone alignments; a unit writes
    min_seg (0: maybe none, but never the first unit) to max_seg letters."""
    prob = {}  # unit -> {seg: p}
    for latin, chars in pairs:
        for c in chars:
            prob.setdefault(c, {})
    counts = None
    for it in range(ITERATIONS):
        counts = {c: {} for c in prob}
        loglik = 0.0
        for latin, chars in pairs:
            n, m = len(chars), len(latin)
            if m < min_seg * n or m > max_seg * n:
                continue

            def p(c, s):
                if it == 0:
                    return 1.0
                return prob[c].get(s, 1e-9)

            def steps(j, i):
                """The letter counts unit j may write from letter i on."""
                return range(lowest(min_seg, j, min_first), min(max_seg, m - i) + 1)

            alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
            alpha[0][0] = 1.0
            for j in range(n):
                c = chars[j]
                for i in range(m + 1):
                    a = alpha[j][i]
                    if a == 0.0:
                        continue
                    for k in steps(j, i):
                        alpha[j + 1][i + k] += a * p(c, latin[i:i + k])
            z = alpha[n][m]
            if z <= 0:
                continue
            loglik += math.log(z)
            beta = [[0.0] * (m + 1) for _ in range(n + 1)]
            beta[n][m] = 1.0
            for j in range(n - 1, -1, -1):
                c = chars[j]
                for i in range(m, -1, -1):
                    b = 0.0
                    for k in steps(j, i):
                        b += p(c, latin[i:i + k]) * beta[j + 1][i + k]
                    beta[j][i] = b
            for j in range(n):
                c = chars[j]
                cc = counts[c]
                for i in range(m + 1):
                    a = alpha[j][i]
                    if a == 0.0:
                        continue
                    for k in steps(j, i):
                        s = latin[i:i + k]
                        w = a * p(c, s) * beta[j + 1][i + k] / z
                        if w > 1e-6:
                            cc[s] = cc.get(s, 0.0) + w
        for c, cc in counts.items():
            total = sum(cc.values())
            prob[c] = {s: v / total for s, v in cc.items()} if total else {}
        print(f"iteration {it + 1}: log-likelihood {loglik:.0f}", file=sys.stderr)
    return counts


# --- The scorer, as names/transcription_model.cc implements it (for --check) ---

# Consonant classes for odd_share: what one unit may stand for.
CLASSES = {"p": "P", "b": "P", "f": "P", "v": "P", "w": "W", "t": "T", "d": "T", "k": "K",
           "c": "K", "g": "K", "q": "K", "x": "K", "s": "S", "z": "S", "j": "S", "l": "R",
           "r": "R", "m": "N", "n": "N"}


def consonants(seg):
    """The consonant classes of a segment, repeats merged: "ck" -> "K", "dmond" -> "TNT"."""
    out = ""
    for ch in seg:
        c = CLASSES.get(ch, "")
        if c and not out.endswith(c):
            out += c
    return out


def subsequence(part, whole):
    """Whether part is whole with some letters left out ("P" of "PK")."""
    it = iter(whole)
    return all(c in it for c in part)


class Model:
    def __init__(self, rows, bigrams, max_seg, params, min_seg=1, min_first=1):
        self.max_seg = max_seg
        self.min_seg = min_seg
        self.min_first = min_first
        self.p = params
        self.char = {}  # unit -> (reading, total, {seg: count})
        self.syl = {}   # reading -> [total, {seg: count}]
        self.seg = {}   # seg -> total
        self.total = 0.0
        for c, py, total, segs in rows:
            self.char[c] = (py, total, segs)
            t = self.syl.setdefault(py, [0.0, {}])
            for sg, v in segs.items():
                t[1][sg] = t[1].get(sg, 0.0) + v
                t[0] += v
                self.seg[sg] = self.seg.get(sg, 0.0) + v
            self.total += total
        self.big = bigrams
        # Per unit, the share of its names in which it writes each consonant
        # sequence.
        self.shape = {}
        for c, (py, total, segs) in self.char.items():
            d = {}
            for sg, v in segs.items():
                d[consonants(sg)] = d.get(consonants(sg), 0.0) + v
            t = sum(d.values())
            self.shape[c] = {k: v / t for k, v in d.items()}

    def odd(self, c, seg, last):
        """Whether the unit hardly ever writes the consonants of seg (斯 for a
        p); not when they are consonants it commonly writes and one more, a
        letter the transcription left out (波 for the peaux of Carpeaux); and a
        final consonant of the word, silent in its language, after a unit that
        commonly writes only a vowel (耶 for the yet of Poyet)."""
        shape = consonants(seg)
        shares = self.shape[c]
        if shares.get(shape, 0.0) >= self.p["odd_share"]:
            return False
        return not any(share >= self.p["dropped_share"] and len(s) + 1 == len(shape) and
                       (subsequence(s, shape) if s else last and consonants(seg[-1]))
                       for s, share in shares.items())

    def floor_p(self, seg):
        return self.p["floor"] * 0.05 ** max(len(seg) - 1, 0)

    def logp(self, c, sg):
        py, total, segs = self.char[c]
        st, sd = self.syl[py]
        sp, cp = self.p["syllable_prior"], self.p["char_prior"]
        psyl = (sd.get(sg, 0.0) + sp * self.floor_p(sg)) / (st + sp)
        return math.log((segs.get(sg, 0.0) + cp * psyl) / (total + cp))

    def back(self, c, sg):
        pc = (self.char[c][1] + 0.5) / (self.total + 0.5 * len(self.char))
        t = self.seg.get(sg, 0.0)
        bp = self.p["back_prior"]
        p = (self.char[c][2].get(sg, 0.0) + bp * pc) / (t + bp)
        return math.log(p) - math.log(pc)

    def background(self, w):
        total = 0.0
        prev = "^"
        for ch in w + "$":
            total += self.big[(prev, ch)]
            prev = ch
        return total

    def evidence(self, latin, chars):
        """None when a unit is unknown or the lengths cannot align."""
        n, m = len(chars), len(latin)
        if not m or m < self.min_seg * n or m > self.max_seg * n or any(c not in self.char for c in chars):
            return None
        if any(self.char[c][1] < self.p["min_names"] for c in chars):
            return None
        best = [[-1e18] * (m + 1) for _ in range(n + 1)]
        back = [[0] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for j in range(n):
            for i in range(m + 1):
                if best[j][i] < -1e17:
                    continue
                for k in range(lowest(self.min_seg, j, self.min_first), min(self.max_seg, m - i) + 1):
                    v = best[j][i] + self.logp(chars[j], latin[i:i + k])
                    if v > best[j + 1][i + k]:
                        best[j + 1][i + k] = v
                        back[j + 1][i + k] = k
        letters = (best[n][m] - self.background(latin)) / m
        i = m
        by_char = 0.0
        odd = 0
        for j in range(n, 0, -1):
            k = back[j][i]
            seg = latin[i - k:i]
            by_char += self.back(chars[j - 1], seg)
            # A unit standing for consonants it hardly ever writes (斯 for
            # the p of "gupta"): a different name, whatever the rest.
            if self.odd(chars[j - 1], seg, j == n):
                odd += 1
            i -= k
        return letters + self.p["back_weight"] * by_char / n - self.p["odd_cost"] * odd


def model_rows(counts, readings):
    rows = []
    for c in sorted(counts):
        cc = counts[c]
        kept = {sg: round(v, 1) for sg, v in cc.items() if v >= 0.5}
        if kept and c in readings:
            rows.append((c, readings[c], round(sum(cc.values()), 1), kept))
    return rows


def bigram_table(words):
    """log P(letter | previous letter) of the training words, ^ and $ the ends."""
    big, uni = {}, {}
    for w in words:
        prev = "^"
        for ch in w + "$":
            big[(prev, ch)] = big.get((prev, ch), 0) + 1
            uni[prev] = uni.get(prev, 0) + 1
            prev = ch
    table = {}
    for prev in "^abcdefghijklmnopqrstuvwxyz":
        for ch in "abcdefghijklmnopqrstuvwxyz$":
            table[(prev, ch)] = round(math.log((big.get((prev, ch), 0) + 0.5) / (uni.get(prev, 0) + 13.5)), 3)
    return table


def read_table(path):
    rows, bigrams = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[0] == "~":
                bigrams[(cols[1][0], cols[1][1])] = float(cols[2])
                continue
            segs = {}
            for item in cols[3].split():
                sg, v = item.rsplit(":", 1)
                segs[sg] = float(v)
            rows.append((cols[0], cols[1], float(cols[2]), segs))
    return rows, bigrams


def check(script, model, path):
    rows = []
    if path == "reserved":
        lines = ["\t".join(r) for r in script.reserved_rows()]
    else:
        with open(path, encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    for line in lines:
        cols = line.split("\t")
        e = script.evidence(model, cols[2], cols[3])
        rows.append((cols[0] == "match", e, cols[2], cols[3]))
        if VERBOSE:
            print("%s\t%s\t%s\t%s" % (cols[0], "-" if e is None else "%.3f" % e, cols[2], cols[3]))
    scored = [(m, e) for m, e, *_ in rows if e is not None]
    best = None
    for t in [x / 20 for x in range(-160, 80)]:
        tp = sum(1 for m, e in scored if m and e >= t)
        fp = sum(1 for m, e in scored if not m and e >= t)
        fn = sum(1 for m, e in scored if m and e < t)
        p = tp / (tp + fp) if tp + fp else 0
        r = tp / (tp + fn) if tp + fn else 0
        f1 = 2 * p * r / (p + r) if p + r else 0
        if best is None or f1 > best[0]:
            best = (f1, t, p, r)
    print("%s: %d of %d pairs scored; best F1 %.3f at %.2f (P %.3f R %.3f)" %
          ((path, len(scored), len(rows)) + best))


def main():
    if SCRIPT not in SCRIPTS:
        sys.exit(f"--script: one of {', '.join(SCRIPTS)}")
    script = SCRIPTS[SCRIPT]()
    if RESERVED_OUT:
        rows = script.reserved_rows()
        with open(RESERVED_OUT, "w", encoding="utf-8") as f:
            f.write(f"# reserved tenth of the {script.name} pairs, with look-alike negatives\n"
                    "# generated by scripts/gen_transcription.py --reserved-pairs; do not edit\n")
            for r in rows:
                f.write("\t".join(r + ["reserved pair"] * (len(r) < 5)) + "\n")
        print(f"wrote {RESERVED_OUT}: {len(rows)} pairs", file=sys.stderr)
        return
    if CHECK:
        model = Model(*read_table(script.table), script.max_seg, script.params, script.min_seg,
                      getattr(script, "min_first", 1))
        for path in CHECK_FILES or [script.eval_group, "reserved"]:
            check(script, model, path)
        return
    readings = script.readings()
    train = script.training_pairs()
    print(f"{len(train)} pairs for training", file=sys.stderr)
    counts = em(train, script.max_seg, script.min_seg, getattr(script, "min_first", 1))
    rows = model_rows(counts, readings)
    with open(script.table, "w", encoding="utf-8") as f:
        f.write(script.header)
        for c, py, total, kept in rows:
            segs = " ".join("%s:%g" % kv for kv in sorted(kept.items(), key=lambda x: (-x[1], x[0])))
            f.write("%s\t%s\t%g\t%s\n" % (c, py, total, segs))
        for (a, b), v in sorted(bigram_table([l for l, _ in train]).items()):
            f.write("~\t%s%s\t%g\n" % (a, b, v))
    print(f"wrote {script.table}: {len(rows)} units", file=sys.stderr)


if __name__ == "__main__":
    main()
