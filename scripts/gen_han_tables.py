#!/usr/bin/python3
"""Generates vigil's Han name-reading tables (src/names/data/han/*.tsv).

Re-runnable; standard library only. Inputs, all checked into the repository
or shipped by Debian's unicode-data package:
  /usr/share/unicode/Unihan_Readings.txt.bz2   kMandarin, kTGHZ2013, kHangul
  src/names/data/han/upstream/cantonese-romanisation/source.tsv  (MIT)
      Hong Kong government romanisation as on HK identity cards
  src/names/data/han/upstream/opencc/{TS,ST}Characters.txt       (Apache-2.0)
  src/names/data/han/upstream/sinonym/*.csv                      (Apache-2.0)
  src/names/data/han/surname_readings.tsv   polyphonic surname readings (vigil)
  src/names/data/han/dialect_surnames.tsv   Hokkien/Teochew/... spellings (vigil)
  src/names/data/han/korean_surnames.tsv    Korean surname spellings (vigil)

Outputs (embedded into the vigil binary by src/names/han.cmake):
  han_chars.tsv     char, flags, pinyin readings, HK romanisations, Korean
  han_surnames.tsv  surname, ppm, surname pinyin, confusable reading, HK, others
  han_t2s.tsv       traditional -> simplified (unambiguous pairs only)
  wade_giles.tsv    pinyin syllable -> Wade-Giles (toneless, no apostrophes)

The Wade-Giles column is derived here from the standard Wade-Giles spelling
rules (not copied from any table); chinese_test.cc checks it against cjklib's
mapping when /work/shared is present.
"""

import bz2
import csv
import os
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAN = os.path.join(ROOT, "src", "names", "data", "han")
UP = os.path.join(HAN, "upstream")
UNIHAN = "/usr/share/unicode/Unihan_Readings.txt.bz2"

NON_SYLLABLES = {"m", "n", "ng", "hm", "hng", "ê", "e\u0302"}


def toneless(pinyin):
    """'lǘ' -> 'lv', 'zhāng' -> 'zhang', 'ê' -> 'e'."""
    out = []
    for ch in unicodedata.normalize("NFD", pinyin.strip().lower()):
        if ch == "\u0308":
            out[-1] = "v"
        elif unicodedata.combining(ch):
            continue
        else:
            out.append(ch)
    return "".join(out)


# --- Wade-Giles from pinyin, by the standard rules --------------------------

WG_INITIALS = [("zh", "ch"), ("ch", "ch"), ("sh", "sh"), ("b", "p"), ("p", "p"), ("m", "m"),
               ("f", "f"), ("d", "t"), ("t", "t"), ("n", "n"), ("l", "l"), ("g", "k"), ("k", "k"),
               ("h", "h"), ("j", "ch"), ("q", "ch"), ("x", "hs"), ("r", "j"), ("z", "ts"),
               ("c", "ts"), ("s", "s"), ("y", "y"), ("w", "w")]
WG_WHOLE = {"zi": "tzu", "ci": "tzu", "si": "ssu", "zhi": "chih", "chi": "chih", "shi": "shih",
            "ri": "jih", "e": "o", "er": "erh", "yi": "i", "you": "yu", "yan": "yen", "ye": "yeh",
            "yong": "yung", "yue": "yueh", "yuan": "yuan", "yun": "yun", "yu": "yu", "lve": "lueh",
            "nve": "nueh", "lv": "lu", "nv": "nu", "ge": "ko", "ke": "ko", "he": "ho", "guo": "kuo",
            "kuo": "kuo", "huo": "huo", "shuo": "shuo", "wo": "wo", "lo": "lo", "gui": "kuei",
            "kui": "kuei", "o": "o"}


def wade_giles(py):
    """Toneless pinyin syllable -> toneless Wade-Giles without apostrophes or
    umlauts: 'xi' -> 'hsi', 'zhang' -> 'chang', 'cong' -> 'tsung'."""
    if py in WG_WHOLE:
        return WG_WHOLE[py]
    init, wg_init = "", ""
    for p, w in WG_INITIALS:
        if py.startswith(p):
            init, wg_init = p, w
            break
    final = py[len(init):]
    if init in ("j", "q", "x") and final.startswith("u"):
        final = "v" + final[1:]  # ju = jü
    if final.endswith("ong"):
        final = final[:-3] + "ung"
    elif final == "ian":
        final = "ien"
    elif final in ("ie", "ve"):
        final = final + "h"
    elif final == "uo" and init not in ("g", "k", "h", "sh"):
        final = "o"
    final = final.replace("v", "u")
    return wg_init + final


# --- Korean: Revised Romanization of hangul syllables -----------------------

RR_INITIAL = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch",
              "k", "t", "p", "h"]
RR_MEDIAL = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u",
             "wo", "we", "wi", "yu", "eu", "ui", "i"]
RR_FINAL = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "l", "l", "p", "l", "m",
            "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"]
# The common spelling without breves (McCune-Reischauer vowels, RR consonants),
# as in DPRK and many passports: 정은 -> jong un.
ALT_MEDIAL = {"eo": "o", "yeo": "yo", "eu": "u", "wo": "wo"}
Y_MEDIALS = {2, 3, 6, 7, 12, 17, 20}  # ya yae yeo ye yo yu i


def jamo(syl):
    n = ord(syl) - 0xAC00
    return n // 588, (n % 588) // 28, n % 28


def rr(syl, alt=False):
    i, m, f = jamo(syl)
    med = RR_MEDIAL[m]
    if alt:
        med = ALT_MEDIAL.get(med, med)
    return RR_INITIAL[i] + med + RR_FINAL[f]


def initial_law(syl):
    """두음법칙: 리 -> 이, 로 -> 노, 녀 -> 여 at the start of a word."""
    i, m, f = jamo(syl)
    if i == 5:  # ㄹ
        i = 11 if m in Y_MEDIALS else 2
    elif i == 2 and m in Y_MEDIALS:
        i = 11
    return chr(0xAC00 + i * 588 + m * 28 + f)


# --- readers -----------------------------------------------------------------

def read_unihan():
    fields = {}
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cp, key, value = line.rstrip("\n").split("\t")
            if key in ("kMandarin", "kTGHZ2013", "kHangul"):
                fields.setdefault(chr(int(cp[2:], 16)), {})[key] = value
    return fields


def read_opencc(name):
    table = {}
    with open(os.path.join(UP, "opencc", name), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            key, values = line.rstrip("\n").split("\t")
            table[key] = values.split()
    return table


def read_tsv(name, ncols):
    rows = []
    with open(os.path.join(HAN, name), encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != ncols:
                sys.exit(f"{name}:{lineno}: expected {ncols} columns, got {len(cols)}")
            rows.append(cols)
    return rows


def hk_penalty(s, all_spellings):
    """How far a spelling is from Hong Kong government romanisation, which
    writes unaspirated initials as p/t/k/ch (大 tai, 嘉 ka), long aa as a
    (陳 chan), and si as sze."""
    p = 0
    if s[0] in "jgdbz" and not s.startswith("ng"):
        p += 2
    if "aa" in s:
        p += 2
    if s.endswith(("oh", "or", "ar")) or any(r + c in s for r in "r" for c in "nkpt"):
        p += 1
    if s == "si":
        p += 1
    if s == "sze" and "si" in all_spellings:
        p -= 1  # 思 si/soi/sze: sze is the government spelling of si
    if s.endswith("a") and s + "h" in all_spellings:
        p += 1
    return p


def read_cantonese():
    table = {}
    path = os.path.join(UP, "cantonese-romanisation", "source.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2 or not cols[1].strip():
                continue
            spellings = []
            for s in cols[1].split():
                if s.isascii() and s.isalpha() and s.lower() not in spellings:
                    spellings.append(s.lower())
            # Where the source only has a Yale-like spelling (震 jan), add the
            # government one by its rules: unaspirated initials are written
            # voiceless (j -> ch, g -> k, d -> t, b -> p) and long aa as a.
            derive = all(hk_penalty(s, spellings) >= 2 for s in spellings)
            for s in list(spellings) if derive else []:
                g = s
                for voiced, gov in (("j", "ch"), ("gw", "kw"), ("g", "k"), ("d", "t"), ("b", "p")):
                    if g.startswith(voiced):
                        g = gov + g[len(voiced):]
                        break
                g = g.replace("aa", "a")
                if g not in spellings:
                    spellings.append(g)
            known = list(spellings)
            spellings.sort(key=lambda s: hk_penalty(s, known))  # stable: ties keep order
            table[cols[0]] = spellings
    return table


def read_csv(name):
    with open(os.path.join(UP, "sinonym", name), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    unihan = read_unihan()
    t2s_raw = read_opencc("TSCharacters.txt")
    s2t_raw = read_opencc("STCharacters.txt")
    canton = read_cantonese()
    surnames = [(r["surname"], float(r["ppm"])) for r in read_csv("familyname_orcid.csv")]
    given_chars = {r["character"] for r in read_csv("givenname_orcid.csv")}
    surname_chars = {s for s, _ in surnames if len(s) == 1}

    # Traditional -> simplified, only where OpenCC gives one answer (乾 stays 乾).
    t2s = {t: v[0] for t, v in t2s_raw.items()
           if len(t) == 1 and len(v) == 1 and v[0] != t and len(v[0]) == 1}
    # Simplified -> its first traditional form, for readings kept only on the
    # traditional character (HK romanisation, Korean hangul).
    s2t = {s: v[0] for s, v in s2t_raw.items() if len(s) == 1 and len(v[0]) == 1 and v[0] != s}

    def field(ch, key):
        v = unihan.get(ch, {}).get(key)
        if v is None and ch in s2t:
            v = unihan.get(s2t[ch], {}).get(key)
        return v

    def pinyin_of(ch):
        out = []
        for key in ("kMandarin", "kTGHZ2013"):
            v = field(ch, key)
            if not v:
                continue
            for item in v.split():
                for r in item.split(":")[-1].split(","):
                    t = toneless(r)
                    if t and t not in out and t not in NON_SYLLABLES and t.isalpha():
                        out.append(t)
        return out

    def canton_of(ch):
        if ch in s2t and s2t[ch] in canton:
            return canton[s2t[ch]]
        return canton.get(ch, [])

    def hangul_of(ch):
        """(given reading, surname reading) as hangul syllables, or None."""
        v = field(ch, "kHangul")
        if not v:
            return None
        readings = [x.split(":") for x in v.split()]
        readings = [(h, (flags[0] if flags else "")) for h, *flags in readings]
        standard = [h for h, fl in readings if "E" in fl] or [readings[0][0]]
        named = [h for h, fl in readings if "N" in fl and "E" not in fl]
        return standard[0], (named[0] if named else standard[0])

    korean_spellings = {h: s.split() for h, s in read_tsv("korean_surnames.tsv", 2)}

    chars = set()
    for ch, fields in unihan.items():
        if "kMandarin" in fields and (0x4E00 <= ord(ch) <= 0x9FFF) and (
                "kTGHZ2013" in fields or ch in canton or ch in given_chars):
            chars.add(ch)
    chars |= surname_chars | given_chars
    chars -= set(t2s)  # traditional characters are folded before lookup

    char_rows = []
    for ch in sorted(chars):
        py = pinyin_of(ch)
        if not py:
            continue
        flags = ("s" if ch in surname_chars else "") + ("g" if ch in given_chars else "")
        kor = ""
        ksur = ""
        h = hangul_of(ch)
        if h:
            given_h, sur_h = h
            kor = " ".join(dict.fromkeys([rr(given_h), rr(given_h, alt=True)]))
            spell = []
            for cand in (initial_law(sur_h), sur_h):
                spell += korean_spellings.get(cand, [rr(cand)])
            ksur = " ".join(dict.fromkeys(spell))
        char_rows.append([ch, flags or "-", " ".join(py), " ".join(canton_of(ch)) or "-",
                          kor or "-", ksur or "-"])

    # Surnames: frequency list + polyphonic readings + dialect spellings.
    readings = {r[0]: r for r in read_tsv("surname_readings.tsv", 4)}
    dialect = {}
    for s, spelling, scheme in read_tsv("dialect_surnames.tsv", 3):
        dialect.setdefault(s, []).append(f"{spelling}:{scheme}")
    # sinonym's attested romanised surname spellings (share 1.0), attached to
    # the most frequent surname whose reading is the target pinyin.
    by_pinyin = {}
    char_py = {r[0]: r[2].split() for r in char_rows}
    for s, ppm in surnames:
        if len(s) == 1 and s in char_py:
            p = readings[s][1].split()[0] if s in readings else char_py[s][0]
            by_pinyin.setdefault(p, s)  # surnames are sorted by frequency
    for r in read_csv("surname_romanizations.csv"):
        if float(r["target_share"]) < 1.0 or r["mandarin_target"] not in by_pinyin:
            continue
        s = by_pinyin[r["mandarin_target"]]
        entry = f"{r['spelling']}:sinonym"
        if r["spelling"] != r["mandarin_target"] and not any(
                e.split(":")[0] == r["spelling"] for e in dialect.get(s, [])):
            dialect.setdefault(s, []).append(entry)

    surname_rows = []
    seen = set()
    all_surnames = surnames + [(r[0], 0.0) for r in readings.values()]
    for s, ppm in all_surnames:
        if s in seen:
            continue
        seen.add(s)
        if s in readings:
            _, py, common, hk = readings[s]
        else:
            if any(c not in char_py for c in s):
                continue
            py = " ".join(char_py[c][0] for c in s)
            common, hk = "-", "-"
        surname_rows.append([s, f"{ppm:.3f}", py, common, hk, " ".join(dialect.get(s, [])) or "-"])

    # Wade-Giles for every pinyin syllable the character table uses.
    syllables = sorted({p for r in char_rows for p in r[2].split()} |
                       {p for r in surname_rows for p in r[2].split()})
    wg_rows = [[p, wade_giles(p)] for p in syllables]

    def write(name, header, rows):
        with open(os.path.join(HAN, name), "w", encoding="utf-8") as f:
            f.write("# Generated by scripts/gen_han_tables.py; do not edit. Derived (modified)\n"
                    "# from Unicode Unihan data and the sources in upstream/ (see README.md).\n"
                    f"# {header}\n")
            for r in rows:
                f.write("\t".join(r) + "\n")

    write("han_chars.tsv", "char flags(s=surname,g=given) pinyin hk-romanisation "
          "korean-given(rr alt) korean-surname-spellings", char_rows)
    write("han_surnames.tsv", "surname ppm surname-pinyin confusable-reading hk "
          "other-spellings(spelling:scheme)", surname_rows)
    write("han_t2s.tsv", "traditional simplified", sorted([t, s] for t, s in t2s.items()))
    write("wade_giles.tsv", "pinyin wade-giles", wg_rows)
    print(f"{len(char_rows)} chars, {len(surname_rows)} surnames, {len(t2s)} t2s, "
          f"{len(wg_rows)} syllables")


if __name__ == "__main__":
    main()
