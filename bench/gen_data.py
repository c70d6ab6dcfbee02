#!/usr/bin/python3
"""Builds vigil's benchmark watchlists and query sets with known answers.

Deterministic: the same arguments give byte-identical files.

  gen_data.py synth --entities 1000000 --out bench/out/data/1m
  gen_data.py queries --list bundled.jsonl --out bench/out/data/bundled

`synth` writes a synthetic watchlist (FtM JSON lines) recombined from real
name parts, and a query set for it; `queries` writes a query set for an
existing FtM list (the bundled OFAC + UN lists exported by vigil_bench).

Name parts come from the development data in /work/shared/data (or
$VIGIL_SHARED_DATA) when it exists:
  pairs/yente-negatives     Latin given, middle and family names
  romanization/sinonym      Chinese family names by frequency, given-name characters
  pairs/netransliteration   Latin <-> Cyrillic and Latin <-> Arabic name tokens,
                            Latin <-> Hangul full names
and Debian's unicode-data (Unihan kMandarin) for the pinyin of family names.
Without it, the generator says so and takes name parts from the list given
with --fallback-list (the bundled lists), Latin only.

Output, in --out:
  list.jsonl      the watchlist (synth only)
  queries.jsonl   query entities, FtM JSON lines, ids q-000001...
  answers.jsonl   {"query", "target" (list entity id, null for a negative),
                   "kind" (the disguise), "script" (of the query name)}
  meta.json       counts and the data sources used

Positives are list entries disguised the way applicants appear: typo,
reordered parts, dropped middle name, other script or romanization, an alias,
birth year only, legal form changed. Negatives are people built from the same
name parts whose name is on no list entry.
"""
import argparse
import bz2
import csv
import hashlib
import json
import os
import random
import sys
import unicodedata

SHARED = os.environ.get("VIGIL_SHARED_DATA", "/work/shared/data")
UNIHAN = "/usr/share/unicode/Unihan_Readings.txt.bz2"

# Legal forms in several languages, grouped by what they mean: a "legal form
# changed" disguise swaps a form for another of its group (or drops it).
LEGAL_FORMS = [
    ["LLC", "Limited Liability Company", "L.L.C."],
    ["Ltd", "Limited", "Ltd."],
    ["Co. Ltd", "Company Limited", "Co., Ltd."],
    ["GmbH", "Gesellschaft mit beschränkter Haftung"],
    ["AG", "Aktiengesellschaft"],
    ["S.A.", "SA", "Sociedad Anónima", "Société Anonyme"],
    ["SARL", "S.A.R.L.", "Société à responsabilité limitée"],
    ["S.p.A.", "SpA", "Società per Azioni"],
    ["B.V.", "BV", "Besloten Vennootschap"],
    ["OOO", "LLC", "Obshchestvo s Ogranichennoy Otvetstvennostyu"],
    ["JSC", "AO", "Joint Stock Company"],
    ["PJSC", "PAO", "Public Joint Stock Company"],
    ["Sp. z o.o.", "Spółka z ograniczoną odpowiedzialnością"],
    ["Kft", "Kft."],
    ["A.Ş.", "AS", "Anonim Şirketi"],
    ["FZE", "Free Zone Establishment"],
    ["Pte Ltd", "Private Limited"],
    ["Sdn Bhd", "Sendirian Berhad"],
    ["Inc", "Inc.", "Incorporated"],
    ["Corp", "Corporation"],
]
SECTORS = ["Shipping", "Trading", "Petroleum", "Holdings", "Logistics", "Industrial", "Maritime",
           "Engineering", "Electronics", "Technologies", "Investment", "Mining", "Chemicals",
           "Aviation", "Energy", "Metals", "Textiles", "Construction", "Import Export", "Finance",
           "Pharmaceuticals", "Agro", "Security", "Telecom", "Tankers", "General Trading"]
NATIONALITIES = {
    "latin": ["us", "gb", "de", "fr", "it", "es", "nl", "ca", "au", "ch", "se", "pl", "tr", "br", "mx",
              "ve", "co", "za", "ng", "ie"],
    "cyrillic": ["ru", "by", "ua", "kz", "kg", "rs"],
    "arabic": ["sy", "iq", "ir", "ye", "sa", "ly", "lb", "eg", "af", "pk", "ae", "sd"],
    "han": ["cn", "tw", "hk", "sg"],
    "hangul": ["kp", "kr"],
}
# Person scripts in the synthetic list, with their shares.
PERSON_SCRIPTS = [("latin", 0.55), ("han", 0.15), ("cyrillic", 0.12), ("arabic", 0.10),
                  ("hangul", 0.08)]
PERSON_SHARE = 0.72  # the rest are companies


def log(msg):
    print("gen_data: " + msg, file=sys.stderr)


def strip_tone(s):
    s = s.replace("ü", "v")
    return "".join(c for c in unicodedata.normalize("NFD", s)
                   if unicodedata.category(c) != "Mn").replace("v", "ü")


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if ord(c) < 128)


def name_key(name):
    """What makes two names "the same name" for the negative check: the
    ASCII-folded, lower-cased tokens, sorted."""
    toks = sorted(ascii_fold(name).lower().replace("-", " ").replace("'", "").split())
    if not toks:  # non-Latin: keep the characters
        toks = sorted(name.lower().split())
    return hashlib.blake2b(" ".join(toks).encode(), digest_size=8).digest()


def script_of(s):
    for c in s:
        o = ord(c)
        if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            return "han"
        if 0x0400 <= o <= 0x04FF:
            return "cyrillic"
        if 0x0600 <= o <= 0x06FF:
            return "arabic"
        if 0xAC00 <= o <= 0xD7AF:
            return "hangul"
        if o >= 0x80 and c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return "other"
    return "latin"


class Pools:
    """Name parts, each pool sorted so choices are deterministic."""

    def __init__(self, fallback_list=None):
        self.sources = []
        self.latin_given, self.latin_family = [], []
        self.cyr, self.cyr_family = [], []  # (latin, cyrillic)
        self.ar = []  # (latin, arabic)
        self.han_family, self.han_given = [], []  # (char, pinyin)
        self.hangul = []  # (latin full name, hangul full name)
        self.alt_spellings = {}  # pinyin family name -> other romanizations
        if os.path.isdir(SHARED):
            self._load_shared()
        else:
            log(f"{SHARED} not found: name parts from the bundled lists only (Latin, Cyrillic "
                f"and Arabic names as they appear there); Chinese and Korean persons are left out")
            if not fallback_list:
                sys.exit("gen_data: no name parts: pass --fallback-list <bundled list.jsonl>")
            self._load_fallback(fallback_list)

    def _load_shared(self):
        p = os.path.join(SHARED, "pairs/yente-negatives/negatives_us.csv")
        given, family = set(), set()
        with open(p, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["first_name"]:
                    given.add(r["first_name"])
                if r["middle_name"]:
                    given.add(r["middle_name"])
                if r["last_name"]:
                    family.add(r["last_name"])
        def latin(names):  # the file also holds a few names in other scripts
            return sorted(n for n in names if script_of(n) == "latin" and n.replace("-", "").isalpha())

        self.latin_given, self.latin_family = latin(given), latin(family)
        self.sources.append(p)

        def tokens(path, min_count):
            out = []
            with open(path, encoding="utf-8") as f:
                for line in f:
                    parts = line.rstrip("\n").split("\t")
                    if len(parts) != 3 or int(parts[2]) < min_count or len(parts[0]) < 3:
                        continue
                    out.append((parts[0].capitalize(), parts[1].replace(" ", "")))
            return sorted(set(out))

        nt = os.path.join(SHARED, "pairs/netransliteration")
        ru = tokens(os.path.join(nt, "wd_russian_80"), 2)
        endings = ("ов", "ев", "ин", "ова", "ева", "ина", "ский", "ская", "енко", "ук", "ёв")
        self.cyr_family = [t for t in ru if t[1].endswith(endings)]
        self.cyr = [t for t in ru if not t[1].endswith(endings)]
        self.ar = tokens(os.path.join(nt, "wd_arabic.normalized.aligned.tokens"), 2)
        self.sources += [os.path.join(nt, "wd_russian_80"),
                         os.path.join(nt, "wd_arabic.normalized.aligned.tokens")]
        # Korean persons: full-name pairs whose Hangul is one 2-4 syllable word
        # and whose Latin form is "Family Given-name" (how Koreans are written).
        with open(os.path.join(nt, "wd_korean"), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 2:
                    continue
                lat, han = parts
                if (" " in han or not 2 <= len(han) <= 4 or script_of(han) != "hangul" or
                        not all(0xAC00 <= ord(c) <= 0xD7AF for c in han)):
                    continue
                toks = lat.split()
                if len(toks) == 2 and "-" in toks[1] and toks[0].isalpha() and toks[0].isascii():
                    self.hangul.append((lat, han))
        self.hangul = sorted(set(self.hangul))
        self.sources.append(os.path.join(nt, "wd_korean"))

        sn = os.path.join(SHARED, "romanization/sinonym")
        mandarin = {}
        with bz2.open(UNIHAN, "rt", encoding="utf-8") as f:
            for line in f:
                if "\tkMandarin\t" in line:
                    cp, _, val = line.rstrip("\n").split("\t")
                    mandarin[chr(int(cp[2:], 16))] = strip_tone(val.split()[0])
        with open(os.path.join(sn, "familyname_orcid.csv"), encoding="utf-8") as f:
            rows = [r for r in csv.DictReader(f) if len(r["surname"]) == 1]
        rows.sort(key=lambda r: -float(r["ppm"]))
        self.han_family = [(r["surname"], mandarin[r["surname"]], float(r["ppm"]))
                           for r in rows[:300] if r["surname"] in mandarin]
        with open(os.path.join(sn, "givenname_orcid.csv"), encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        self.han_given = sorted({(r["character"], strip_tone(r["pinyin"]).rstrip("012345"))
                                 for r in rows if len(r["character"]) == 1})
        with open(os.path.join(sn, "surname_romanizations.csv"), encoding="utf-8") as f:
            for r in csv.DictReader(f):
                if r["spelling"] != r["mandarin_target"] and float(r["surname_ppm_as_written"]) > 50:
                    self.alt_spellings.setdefault(r["mandarin_target"], []).append(r["spelling"])
        for v in self.alt_spellings.values():
            v.sort()
        self.sources += [os.path.join(sn, "familyname_orcid.csv"),
                         os.path.join(sn, "givenname_orcid.csv"),
                         os.path.join(sn, "surname_romanizations.csv"), UNIHAN]

    def _load_fallback(self, path):
        given, family = set(), set()
        with open(path, encoding="utf-8") as f:
            for line in f:
                e = json.loads(line)
                if e.get("schema") != "Person":
                    continue
                for n in e.get("properties", {}).get("name", [])[:1]:
                    toks = n.replace(",", " ").split()
                    if len(toks) >= 2 and script_of(n) == "latin" and all(t.isalpha() for t in toks):
                        given.add(toks[0].capitalize())
                        family.add(toks[-1].capitalize())
        self.latin_given, self.latin_family = sorted(given), sorted(family)
        self.sources.append(path)

    def scripts(self):
        have = {"latin": bool(self.latin_given), "han": bool(self.han_family),
                "cyrillic": bool(self.cyr), "arabic": bool(self.ar), "hangul": bool(self.hangul)}
        return [(s, w) for s, w in PERSON_SCRIPTS if have[s]]


class Person:
    """A generated person: its name in each form it has, before it is written
    as an entity."""

    def __init__(self, script):
        self.script = script
        self.latin = None  # list of tokens, given first
        self.native = None  # str in the native script, or None for Latin
        self.middle_at = None  # index of the middle name in latin, if any
        self.family_pinyin = None


def make_person(rng, pools, script):
    p = Person(script)
    if script == "latin":
        given = rng.choice(pools.latin_given)
        toks = [given]
        if rng.random() < 0.3:
            toks.append(rng.choice(pools.latin_given))
            p.middle_at = 1
        toks.append(rng.choice(pools.latin_family))
        p.latin = toks
    elif script == "cyrillic":
        g = rng.choice(pools.cyr)
        fam = rng.choice(pools.cyr_family or pools.cyr)
        p.latin = [g[0], fam[0]]
        p.native = f"{g[1].capitalize()} {fam[1].capitalize()}"
    elif script == "arabic":
        parts = [rng.choice(pools.ar) for _ in range(3 if rng.random() < 0.6 else 2)]
        p.latin = [t[0] for t in parts]
        p.native = " ".join(t[1] for t in parts)
        if len(parts) == 3:
            p.middle_at = 1
    elif script == "han":
        # Family names by their real frequency, given names of one or two characters.
        fam = rng.choices(pools.han_family, weights=[f[2] for f in pools.han_family])[0]
        given = [rng.choice(pools.han_given) for _ in range(2 if rng.random() < 0.75 else 1)]
        p.native = fam[0] + "".join(g[0] for g in given)
        p.family_pinyin = fam[1]
        p.latin = [fam[1].capitalize(), "".join(g[1] for g in given).capitalize()]
    elif script == "hangul":
        lat, han = rng.choice(pools.hangul)
        p.latin = lat.split()
        p.native = han
    return p


def latin_name(p):
    return " ".join(p.latin)


def birth(rng):
    y = rng.randint(1940, 2002)
    if rng.random() < 0.6:
        return f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return str(y)


def typo(rng, name):
    """One keyboard-style edit in one token of four letters or more."""
    toks = name.split()
    idx = [i for i, t in enumerate(toks) if len(t) >= 4 and t.isalpha()]
    if not idx:
        return None
    i = rng.choice(idx)
    t = toks[i]
    j = rng.randrange(1, len(t) - 1)
    op = rng.randrange(4)
    if op == 0:
        t = t[:j] + rng.choice("aeioulnrst") + t[j + 1:]
    elif op == 1:
        t = t[:j] + t[j + 1:]
    elif op == 2:
        t = t[:j - 1] + t[j] + t[j - 1] + t[j + 1:]
    else:
        t = t[:j] + t[j] + t[j:]
    if t == toks[i]:
        t = t[:j] + ("x" if t[j] != "x" else "z") + t[j + 1:]
    toks[i] = t
    return " ".join(toks)


def swap_legal_form(rng, name):
    for group in LEGAL_FORMS:
        for form in sorted(group, key=len, reverse=True):
            if name.endswith(" " + form):
                base = name[: -len(form) - 1]
                others = [g for g in group if g != form]
                if rng.random() < 0.25 or not others:
                    return base
                return base + " " + rng.choice(others)
    return None


class Writer:
    def __init__(self, out):
        os.makedirs(out, exist_ok=True)
        self.out = out

    def open(self, name):
        return open(os.path.join(self.out, name), "w", encoding="utf-8")


def entity_json(eid, schema, props, dataset):
    return json.dumps({"id": eid, "schema": schema, "properties": props, "datasets": [dataset]},
                      ensure_ascii=False, sort_keys=True)


def synth(args):
    rng = random.Random(args.seed)
    pools = Pools(args.fallback_list)
    scripts = pools.scripts()
    dataset = args.dataset or f"bench_{args.entities}"
    w = Writer(args.out)
    # Positives are drawn from entities chosen up front: reservoir by index.
    n = args.entities
    pos_idx = set(rng.sample(range(n), min(args.positives, n)))
    chosen = {}  # index -> (entity id, schema, props, person or company base)
    keys = set()
    written = 0
    with w.open("list.jsonl") as f:
        i = 0
        attempts = 0
        while i < n:
            attempts += 1
            if attempts > n * 3:
                sys.exit("gen_data: name parts exhausted: cannot make enough distinct names")
            props = {}
            if rng.random() < PERSON_SHARE:
                script = rng.choices([s for s, _ in scripts], weights=[w_ for _, w_ in scripts])[0]
                p = make_person(rng, pools, script)
                dob = birth(rng)
                key = name_key(latin_name(p)) + dob[:4].encode()
                if key in keys:
                    continue
                keys.add(key)
                eid = f"bp-{i:08d}"
                # How the list writes the name: Latin, native script, or both.
                names, form = [latin_name(p)], "latin"
                if p.native:
                    r = rng.random()
                    if r < 0.4:
                        names, form = [p.native], "native"
                    elif r < 0.7:
                        names, form = [p.native, latin_name(p)], "both"
                props["name"] = names[:1]
                if len(names) > 1:
                    props["alias"] = names[1:]
                alias = None
                if rng.random() < 0.15:
                    a = make_person(rng, pools, script)
                    alias = a.native if form == "native" and a.native else latin_name(a)
                    props.setdefault("alias", []).append(alias)
                props["birthDate"] = [dob]
                if rng.random() < 0.7:
                    props["nationality"] = [rng.choice(NATIONALITIES[script])]
                schema = "Person"
                base = (p, form, alias)
            else:
                fam = rng.choice(pools.latin_family)
                second = rng.choice(pools.latin_family) + " " if rng.random() < 0.3 else ""
                form = rng.choice(rng.choice(LEGAL_FORMS))
                cname = f"{fam} {second}{rng.choice(SECTORS)} {form}"
                key = name_key(cname)
                if key in keys:
                    continue
                keys.add(key)
                eid = f"bc-{i:08d}"
                props["name"] = [cname]
                if rng.random() < 0.5:
                    props["jurisdiction"] = [rng.choice(NATIONALITIES["latin"])]
                schema = "Company"
                base = (cname,)
            f.write(entity_json(eid, schema, props, dataset) + "\n")
            if i in pos_idx:
                chosen[i] = (eid, schema, props, base)
            i += 1
            written += 1
    name_keys = {k[:8] for k in keys}
    queries = []
    for i in sorted(chosen):
        q = disguise_synth(rng, pools, *chosen[i])
        if q:
            queries.append(q)
    queries += negatives(rng, pools, scripts, name_keys, args.negatives)
    write_queries(w, queries, {"entities": written, "dataset": dataset, "seed": args.seed,
                               "sources": pools.sources})


def disguise_synth(rng, pools, eid, schema, props, base):
    """A query for list entity `eid`: the entity as an applicant would write it."""
    q = {}
    if schema == "Company":
        cname = base[0]
        kinds = ["legal_form", "typo", "legal_form", "exact"]
        kind = rng.choice(kinds)
        name = swap_legal_form(rng, cname) if kind == "legal_form" else typo(rng, cname)
        if kind == "exact" or name is None:
            name, kind = cname, "exact"
        q["name"] = [name]
        return ("Company", q, eid, kind)
    p, form, alias = base
    dob = props["birthDate"][0]
    options = ["typo", "reorder", "year_only"]
    if p.middle_at is not None:
        options.append("drop_middle")
    if p.native:
        options += ["other_script", "other_script"]
    if p.script == "han":
        options.append("romanization")
    if alias:
        options.append("alias")
    kind = rng.choice(options)
    listed = props["name"][0]
    lat = latin_name(p)
    if kind == "typo":
        name = typo(rng, lat)
        # A typo in the Latin spelling of a name the list writes natively is
        # also a script change; call it what it is.
        if form == "native":
            kind = "other_script+typo"
    elif kind == "reorder":
        toks = p.latin if form != "native" or not p.native else p.native.split()
        if len(toks) < 2 or p.script == "han" and form == "native":
            toks = p.latin
            kind = "reorder+other_script" if form == "native" else kind
        name = " ".join([toks[-1]] + toks[:-1])
    elif kind == "drop_middle":
        toks = [t for j, t in enumerate(p.latin) if j != p.middle_at]
        name = " ".join(toks)
        if form == "native":
            kind = "drop_middle+other_script"
    elif kind == "other_script":
        name = lat if form == "native" else p.native
    elif kind == "romanization":
        # Han: another romanization of the family name, the given name
        # hyphenated or spaced (Chan Tai-man style), or written family-last.
        alts = pools.alt_spellings.get(p.family_pinyin, [])
        fam = rng.choice(alts).capitalize() if alts else p.latin[0]
        given = p.latin[1].lower()
        # Split the given name into its syllables when it has two characters.
        syl = split_pinyin(given)
        if len(syl) == 2 and rng.random() < 0.7:
            given = syl[0].capitalize() + rng.choice(["-", " "]) + syl[1]
        else:
            given = given.capitalize()
        name = f"{fam} {given}" if rng.random() < 0.7 else f"{given} {fam}"
        if form == "native":
            kind = "romanization+other_script"
    elif kind == "alias":
        name = alias
    else:  # year_only
        name = listed
    if name is None:
        name, kind = listed, "year_only"
    q["name"] = [name]
    q["birthDate"] = [dob[:4]]
    if "nationality" in props and rng.random() < 0.5:
        q["nationality"] = props["nationality"]
    return ("Person", q, eid, kind)


PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
                   "x", "r", "z", "c", "s", "y", "w")


def split_pinyin(s):
    """Splits a two-syllable pinyin given name ("jinping" -> ["jin", "ping"])
    at the last position where the rest starts with an initial."""
    for j in range(len(s) - 1, 0, -1):
        rest = s[j:]
        if rest.startswith(PINYIN_INITIALS) and any(c in "aeiouü" for c in s[:j]) and \
                any(c in "aeiouü" for c in rest):
            return [s[:j], rest]
    return [s]


def negatives(rng, pools, scripts, name_keys, count):
    """Plausible people on no list: same name parts, a combination no list
    entity has (checked on the folded, sorted name tokens)."""
    out = []
    while len(out) < count:
        script = rng.choices([s for s, _ in scripts], weights=[w for _, w in scripts])[0]
        p = make_person(rng, pools, script)
        if script == "hangul":
            continue  # whole real names: too few to recombine
        lat = latin_name(p)
        if name_key(lat) in name_keys or (p.native and name_key(p.native) in name_keys):
            continue
        name = p.native if p.native and rng.random() < 0.3 else lat
        q = {"name": [name], "birthDate": [str(rng.randint(1940, 2002))]}
        if rng.random() < 0.5:
            q["nationality"] = [rng.choice(NATIONALITIES[script])]
        out.append(("Person", q, None, "negative"))
    return out


def write_queries(w, queries, meta):
    kinds = {}
    with w.open("queries.jsonl") as fq, w.open("answers.jsonl") as fa:
        for n, (schema, props, target, kind) in enumerate(queries, 1):
            qid = f"q-{n:06d}"
            fq.write(json.dumps({"id": qid, "schema": schema, "properties": props},
                                ensure_ascii=False, sort_keys=True) + "\n")
            fa.write(json.dumps({"query": qid, "target": target, "kind": kind,
                                 "script": script_of(props["name"][0])}, ensure_ascii=False) + "\n")
            kinds[kind] = kinds.get(kind, 0) + 1
    meta["queries"] = len(queries)
    meta["positives"] = sum(1 for q in queries if q[2])
    meta["negatives"] = len(queries) - meta["positives"]
    meta["kinds"] = dict(sorted(kinds.items()))
    with w.open("meta.json") as f:
        json.dump(meta, f, indent=1, ensure_ascii=False)
    log(f"{w.out}: {meta['positives']} positives, {meta['negatives']} negatives "
        f"({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")


def real_queries(args):
    """Queries for an existing FtM list (the bundled OFAC + UN lists)."""
    rng = random.Random(args.seed)
    pools = Pools(args.fallback_list or args.list)
    ents = []
    keys = set()
    total = 0
    with open(args.list, encoding="utf-8") as f:
        for line in f:
            e = json.loads(line)
            total += 1
            props = e.get("properties", {})
            names = props.get("name", []) + props.get("alias", [])
            for nm in names:
                keys.add(name_key(nm))
            if e.get("schema") in ("Person", "Company", "Organization", "LegalEntity") and names:
                ents.append(e)
    queries = []
    for e in rng.sample(ents, min(args.positives, len(ents))):
        props = e["properties"]
        names = props.get("name", [])
        aliases = props.get("alias", [])
        listed = names[0] if names else aliases[0]
        schema = e["schema"]
        options = ["typo", "reorder", "exact"]
        if aliases:
            options.append("alias")
        if len(listed.split()) >= 3 and schema == "Person":
            options.append("drop_middle")
        if schema != "Person" and swap_legal_form(random.Random(0), listed):
            options += ["legal_form", "legal_form"]
        if any(script_of(a) != script_of(listed) for a in aliases):
            options.append("other_script")
        kind = rng.choice(options)
        name = None
        if kind == "typo":
            name = typo(rng, listed)
        elif kind == "reorder":
            toks = listed.replace(",", "").split()
            name = " ".join(toks[1:] + toks[:1]) if len(toks) > 1 else None
        elif kind == "alias":
            name = rng.choice(aliases)
        elif kind == "drop_middle":
            toks = listed.replace(",", "").split()
            name = " ".join(toks[:1] + toks[2:])
        elif kind == "legal_form":
            name = swap_legal_form(rng, listed)
        elif kind == "other_script":
            name = rng.choice([a for a in aliases if script_of(a) != script_of(listed)])
        if not name:
            name, kind = listed, "exact"
        q = {"name": [name]}
        dob = props.get("birthDate", [])
        if schema == "Person" and dob:
            q["birthDate"] = [dob[0][:4]]
        if schema != "Person":
            schema = "Organization" if schema == "Organization" else "LegalEntity"
        queries.append((schema, q, e["id"], kind))
    scripts = pools.scripts()
    queries += negatives(rng, pools, scripts, keys, args.negatives)
    write_queries(Writer(args.out), queries, {"list": args.list, "entities": total,
                                               "seed": args.seed, "sources": pools.sources})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("synth")
    s.add_argument("--entities", type=int, required=True)
    s.add_argument("--dataset")
    r = sub.add_parser("queries")
    r.add_argument("--list", required=True)
    for p in (s, r):
        p.add_argument("--out", required=True)
        p.add_argument("--positives", type=int, default=2000)
        p.add_argument("--negatives", type=int, default=1000)
        p.add_argument("--seed", type=int, default=20240501)
        p.add_argument("--fallback-list", help="FtM list to take name parts from without shared data")
    args = ap.parse_args()
    synth(args) if args.cmd == "synth" else real_queries(args)


if __name__ == "__main__":
    main()
