#!/usr/bin/python3
"""Learns how Chinese characters transcribe foreign names (src/names/data/han/han_transcription.tsv).

Chinese writes a foreign name by sound, one character per syllable: Redmond
雷蒙 (re|dmond), Gupta 古普塔 (gu|p|ta), Shakespeare 莎士比亚. Which letters a
character stands for is a convention (the Xinhua transcription tables), not
its Mandarin reading: 斯 writes a bare s, 尔 an r or l, 德 a d, 克 a k or c.
This script learns those conventions from the Wikidata name pairs of
netransliteration (CC0): for each character, the Latin letter runs it writes
and how often, by expectation maximization over the monotone alignments of
each pair (every character writes one to five consecutive letters).

Rows whose Latin word falls in the reserved tenth (crc32 % 10 == 0; the
pool of `gen_eval.py --holdout`) or appears in tests/eval are left out, so
the evaluation groups measure names the model never saw.

Output rows: char, its toneless pinyin, the number of names it was seen in,
then segment:count pairs (expected counts, at least 0.5); and `~` rows, the
letter bigrams of the names, which say how likely a word's letters are
anyway. names/han_transcription.cc reads them; it pools the characters of
one reading for segments a character was seen writing rarely or never.

Usage: /usr/bin/python3 scripts/gen_han_transcription.py [SHARED_DATA_DIR]
       /usr/bin/python3 scripts/gen_han_transcription.py --check [--verbose] [SHARED_DATA_DIR [PAIRS.tsv ...]]
--check scores pair files (default: tests/eval/cross_script_chinese.tsv and
"reserved", every reserved pair with a look-alike negative each) with the
table as written, the way names/han_transcription.cc does, and prints the
best F1 the evidence alone reaches; --verbose prints every pair's evidence.
"""
import math
import os
import sys
import unicodedata
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAN = os.path.join(ROOT, "src", "names", "data", "han")
ARGS = [a for a in sys.argv[1:] if not a.startswith("--")]
CHECK = "--check" in sys.argv
VERBOSE = "--verbose" in sys.argv
CHECK_FILES = [os.path.join(ROOT, "tests", "eval", "cross_script_chinese.tsv"), "reserved"]
if CHECK and len(ARGS) > 1:
    CHECK_FILES = ARGS[1:]
    ARGS = ARGS[:1]
DATA = ARGS[0] if ARGS else os.path.join(ROOT, "..", "shared", "data")
PAIRS = os.path.join(DATA, "pairs", "netransliteration", "wd_chinese.normalized.aligned.tokens")
MAX_SEG = 5
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


def reserved(latin):
    """The holdout tenth: `gen_eval.py --holdout` draws its Chinese rows here."""
    return zlib.crc32(latin.lower().encode()) % 10 == 0


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


def load_pairs(t2s):
    pairs = []
    with open(PAIRS, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2:
                continue
            latin = fold(cols[0])
            chars = cols[1].split()
            if not latin or len(latin) < 2 or not chars or not all(len(c) == 1 and is_han(c) for c in chars):
                continue
            chars = "".join(t2s.get(c, c) for c in chars)
            if not reserved(cols[0]):
                pairs.append((latin, chars))
    return pairs


def eval_words():
    words = set()
    path = os.path.join(ROOT, "tests", "eval", "cross_script_chinese.tsv")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) >= 4:
                w = fold(cols[2])
                if w:
                    words.add(w)
    return words


def em(pairs):
    """P(segment | char) by EM over monotone alignments."""
    prob = {}  # char -> {seg: p}
    for latin, chars in pairs:
        for c in chars:
            prob.setdefault(c, {})
    counts = None
    for it in range(ITERATIONS):
        counts = {c: {} for c in prob}
        loglik = 0.0
        for latin, chars in pairs:
            n, m = len(chars), len(latin)
            if m < n or m > MAX_SEG * n:
                continue

            def p(c, s):
                if it == 0:
                    return 1.0
                return prob[c].get(s, 1e-9)

            alpha = [[0.0] * (m + 1) for _ in range(n + 1)]
            alpha[0][0] = 1.0
            for j in range(n):
                c = chars[j]
                for i in range(m):
                    a = alpha[j][i]
                    if a == 0.0:
                        continue
                    for k in range(1, MAX_SEG + 1):
                        if i + k > m:
                            break
                        alpha[j + 1][i + k] += a * p(c, latin[i:i + k])
            z = alpha[n][m]
            if z <= 0:
                continue
            loglik += math.log(z)
            beta = [[0.0] * (m + 1) for _ in range(n + 1)]
            beta[n][m] = 1.0
            for j in range(n - 1, -1, -1):
                c = chars[j]
                for i in range(m - 1, -1, -1):
                    b = 0.0
                    for k in range(1, MAX_SEG + 1):
                        if i + k > m:
                            break
                        b += p(c, latin[i:i + k]) * beta[j + 1][i + k]
                    beta[j][i] = b
            for j in range(n):
                c = chars[j]
                cc = counts[c]
                for i in range(m):
                    a = alpha[j][i]
                    if a == 0.0:
                        continue
                    for k in range(1, MAX_SEG + 1):
                        if i + k > m:
                            break
                        s = latin[i:i + k]
                        w = a * p(c, s) * beta[j + 1][i + k] / z
                        if w > 1e-6:
                            cc[s] = cc.get(s, 0.0) + w
        for c, cc in counts.items():
            total = sum(cc.values())
            prob[c] = {s: v / total for s, v in cc.items()} if total else {}
        print(f"iteration {it + 1}: log-likelihood {loglik:.0f}", file=sys.stderr)
    return counts


# The scorer, as names/han_transcription.cc implements it (for --check).
FLOOR = 1e-4          # P of an unseen one-letter segment; x0.05 per more letter
CHAR_PRIOR = 3.0      # pseudo-names backing a character off to its syllable
SYLLABLE_PRIOR = 2.0  # pseudo-names backing a syllable off to the floor
BACK_PRIOR = 5.0     # pseudo-names backing P(char | segment) off to P(char)
BACK_WEIGHT = 0.5    # weight of the character direction in the evidence
MIN_NAMES = 10       # a character seen in fewer transcribed names: not a transcription
ODD_SHARE = 0.01     # a segment whose consonants the character writes this rarely ...
ODD_COST = 1.5       # ... costs this much evidence

# Consonant classes for ODD_SHARE: what one character may stand for.
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


def floor_p(seg):
    return FLOOR * 0.05 ** (len(seg) - 1)


class Model:
    def __init__(self, rows, bigrams):
        self.char = {}  # char -> (syllable, total, {seg: count})
        self.syl = {}   # syllable -> [total, {seg: count}]
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
        # Per character, the share of its names in which it writes each
        # consonant sequence.
        self.shape = {}
        for c, (py, total, segs) in self.char.items():
            d = {}
            for sg, v in segs.items():
                d[consonants(sg)] = d.get(consonants(sg), 0.0) + v
            t = sum(d.values())
            self.shape[c] = {k: v / t for k, v in d.items()}

    def logp(self, c, sg):
        py, total, segs = self.char[c]
        st, sd = self.syl[py]
        psyl = (sd.get(sg, 0.0) + SYLLABLE_PRIOR * floor_p(sg)) / (st + SYLLABLE_PRIOR)
        return math.log((segs.get(sg, 0.0) + CHAR_PRIOR * psyl) / (total + CHAR_PRIOR))

    def back(self, c, sg):
        pc = (self.char[c][1] + 0.5) / (self.total + 0.5 * len(self.char))
        t = self.seg.get(sg, 0.0)
        p = (self.char[c][2].get(sg, 0.0) + BACK_PRIOR * pc) / (t + BACK_PRIOR)
        return math.log(p) - math.log(pc)

    def background(self, w):
        total = 0.0
        prev = "^"
        for ch in w + "$":
            total += self.big[(prev, ch)]
            prev = ch
        return total

    def evidence(self, latin, chars):
        """None when a character is unknown or the lengths cannot align."""
        n, m = len(chars), len(latin)
        if m < n or m > MAX_SEG * n or any(c not in self.char for c in chars):
            return None
        if any(self.char[c][1] < MIN_NAMES for c in chars):
            return None
        best = [[-1e18] * (m + 1) for _ in range(n + 1)]
        back = [[0] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for j in range(n):
            for i in range(m):
                if best[j][i] < -1e17:
                    continue
                for k in range(1, min(MAX_SEG, m - i) + 1):
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
            # A character standing for consonants it hardly ever writes
            # (斯 for the p of "gupta"): a different name, whatever the rest.
            if self.shape[chars[j - 1]].get(consonants(seg), 0.0) < ODD_SHARE:
                odd += 1
            i -= k
        return letters + BACK_WEIGHT * by_char / n - ODD_COST * odd


def model_rows(counts, pinyin):
    rows = []
    for c in sorted(counts):
        cc = counts[c]
        kept = {sg: round(v, 1) for sg, v in cc.items() if v >= 0.5}
        if kept and c in pinyin:
            rows.append((c, pinyin[c], round(sum(cc.values()), 1), kept))
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


def reserved_rows(t2s):
    """Every reserved pair, and as many pairs of a reserved name with another
    one's characters (same initial, length within two): like gen_eval.py's
    groups, but ten times their size."""
    import random
    pairs = []
    with open(PAIRS, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 2 and reserved(cols[0]) and len(cols[0]) >= 3 and cols[0].isalpha():
                pairs.append((cols[0], cols[1].replace(" ", "")))
    rng = random.Random(7)
    rows = []
    for latin, native in pairs:
        rows.append(["match", "Person", latin.capitalize(), native])
        pool = [p for p in pairs if p[0] != latin and p[0][0] == latin[0] and abs(len(p[0]) - len(latin)) <= 2]
        if pool:
            rows.append(["no_match", "Person", latin.capitalize(), rng.choice(pool)[1]])
    return rows


def check(model, t2s, path):
    rows = []
    lines = []
    if path == "reserved":
        lines = ["\t".join(r) for r in reserved_rows(t2s)]
    else:
        with open(path, encoding="utf-8") as f:
            lines = [l.rstrip("\n") for l in f if not l.startswith("#")]
    if True:
        for line in lines:
            cols = line.split("\t")
            latin = fold(cols[2])
            chars = "".join(t2s.get(c, c) for c in cols[3] if is_han(c))
            e = model.evidence(latin, chars) if latin and chars else None
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
    t2s = load_t2s()
    if CHECK:
        model = Model(*read_table(os.path.join(HAN, "han_transcription.tsv")))
        for path in CHECK_FILES:
            check(model, t2s, path)
        return
    pinyin = load_pinyin()
    held = eval_words()
    train = [(l, c) for l, c in load_pairs(t2s) if l not in held]
    print(f"{len(train)} pairs for training", file=sys.stderr)
    counts = em(train)
    rows = model_rows(counts, pinyin)
    out = os.path.join(HAN, "han_transcription.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by scripts/gen_han_transcription.py; do not edit. Learned from\n"
                "# netransliteration (Wikidata, CC0), see README.md. Rows:\n"
                "#   char<TAB>pinyin<TAB>names<TAB>segment:count ...   (expected counts)\n"
                "#   ~<TAB>ab<TAB>log P(b | a)   letter bigrams of the names, ^ and $ the ends\n")
        for c, py, total, kept in rows:
            segs = " ".join("%s:%g" % kv for kv in sorted(kept.items(), key=lambda x: (-x[1], x[0])))
            f.write("%s\t%s\t%g\t%s\n" % (c, py, total, segs))
        for (a, b), v in sorted(bigram_table([l for l, _ in train]).items()):
            f.write("~\t%s%s\t%g\n" % (a, b, v))
    print(f"wrote {out}: {len(rows)} characters", file=sys.stderr)


if __name__ == "__main__":
    main()
