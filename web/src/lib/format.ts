// Pure formatting helpers shared by the pages: how scores, statuses, match
// methods and times read to an analyst.

export function pct(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(score)) return '—';
  return `${Math.round(score * 100)}`;
}

// Score bands drive the colour of a score everywhere in the console.
export type Band = 'high' | 'medium' | 'low';
export function scoreBand(score: number): Band {
  if (score >= 0.9) return 'high';
  if (score >= 0.8) return 'medium';
  return 'low';
}

export const STATUS_LABEL: Record<string, string> = {
  open: 'Open',
  match: 'Match',
  no_match: 'No match',
  escalated: 'Escalated',
  suppressed: 'Suppressed',
  investigating: 'Investigating',
  referred: 'Referred',
  closed: 'Closed',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
};
export function statusLabel(s: string): string {
  return STATUS_LABEL[s] ?? s.replace(/_/g, ' ');
}

export const DECISION_LABEL: Record<string, string> = {
  match: 'Match',
  no_match: 'No match',
  escalate: 'Escalate',
};

// How one aligned pair of name parts matched, in an analyst's words.
export const METHOD_LABEL: Record<string, string> = {
  exact: 'exact',
  romanization: 'romanized',
  transliteration: 'transliterated',
  nickname: 'nickname',
  phonetic: 'sounds alike',
  typo: 'spelling variant',
  initial: 'initial',
  merged: 'joined parts',
  unmatched: 'no counterpart',
};
export function methodLabel(method: string, scheme?: string): string {
  const base = METHOD_LABEL[method] ?? method;
  return scheme && scheme !== 'latin' ? `${base} via ${schemeLabel(scheme)}` : base;
}

const SCHEME_LABEL: Record<string, string> = {
  pinyin: 'Hanyu Pinyin',
  'wade-giles': 'Wade–Giles',
  cantonese: 'Cantonese',
  'hk-cantonese': 'Hong Kong Cantonese',
  jyutping: 'Jyutping',
  yale: 'Yale',
  'icao-9303': 'ICAO 9303 (passports)',
  'mvd-310': 'MVD 310',
  'mvd-782': 'MVD 782',
  'bgn-pcgn': 'BGN/PCGN',
  'iso-9': 'ISO 9',
  'iso-9985': 'ISO 9985',
  'gost-7034': 'GOST 7.79',
  'gost-52535': 'GOST 52535',
  'ala-lc': 'ALA-LC',
  'korean-rr': 'Revised Romanization',
  'mccune-reischauer': 'McCune–Reischauer',
  hangul: 'Hangul',
  kana: 'Kana',
  'hepburn-oo': 'Hepburn',
  'hepburn-oh': 'Hepburn',
  'elot-743': 'ELOT 743',
  'arabic-vowelled': 'Arabic, vowelled',
  'hebrew-vowelled': 'Hebrew, vowelled',
  'latin-syllables': 'syllables joined',
};
export function schemeLabel(scheme: string): string {
  if (scheme.startsWith('informal-')) return 'informal spelling';
  return SCHEME_LABEL[scheme] ?? scheme;
}

export const FEATURE_LABEL: Record<string, string> = {
  name: 'Name',
  birth_date: 'Birth date',
  nationality: 'Nationality',
  country: 'Country',
  gender: 'Gender',
  identifier: 'Identifier',
  schema: 'Type',
  legal_form: 'Legal form',
};
export function featureLabel(name: string): string {
  return FEATURE_LABEL[name] ?? name.replace(/_/g, ' ');
}

// "2026-11-29T03:20:57.123Z" -> "2026-11-29 03:20 UTC": analysts in several
// time zones compare records, so times are shown in UTC as stored.
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

// FtM property names -> labels, in the order an analyst reads a record.
export const PROPERTY_ORDER = [
  'name',
  'alias',
  'weakAlias',
  'previousName',
  'firstName',
  'middleName',
  'lastName',
  'fatherName',
  'birthDate',
  'birthPlace',
  'deathDate',
  'gender',
  'nationality',
  'citizenship',
  'country',
  'jurisdiction',
  'idNumber',
  'passportNumber',
  'taxNumber',
  'registrationNumber',
  'position',
  'program',
  'topics',
  'address',
  'notes',
];
export function propertyLabel(prop: string): string {
  const spaced = prop.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}
export function sortedProperties(props: Record<string, string[]>): [string, string[]][] {
  const rank = (p: string) => {
    const i = PROPERTY_ORDER.indexOf(p);
    return i < 0 ? PROPERTY_ORDER.length : i;
  };
  return Object.entries(props)
    .filter(([, v]) => v && v.length)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

// "To" is a whole day, and GET /alerts' `until` is exclusive: the day after.
export function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// The server lists only the days that had alerts; a timeline shows every day
// of the period ending `today`, quiet ones at zero. Days are "MM-DD".
export function everyDay(
  counts: { day: string; count: number }[],
  days: number,
  today: Date = new Date(),
): { day: string; count: number }[] {
  const byDay = new Map(counts.map((c) => [c.day, c.count]));
  const out: { day: string; count: number }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
    const key = d.toISOString().slice(0, 10);
    out.push({ day: key.slice(5), count: byDay.get(key) ?? 0 });
  }
  return out;
}

// The matcher writes a romanized form as "scheme: text" ("pinyin: wang wei").
export function splitForm(form: string): { scheme: string; text: string } {
  const m = /^([a-z][a-z0-9-]*): (.*)$/.exec(form);
  return m ? { scheme: m[1], text: m[2] } : { scheme: '', text: form };
}

// A feature's effect on the score: "+0.05", "−0.10", "0".
export function signed(x: number): string {
  const r = Math.round(x * 100) / 100;
  return r > 0 ? `+${r.toFixed(2)}` : r < 0 ? `−${Math.abs(r).toFixed(2)}` : '0';
}

// Actors are recorded as "alice (vk_3f9a1c0b)".
export function splitActor(actor: string): { name: string; keyId: string } {
  const m = /^(.*) \((vk_[^)]+)\)$/.exec(actor);
  return m ? { name: m[1], keyId: m[2] } : { name: actor, keyId: '' };
}
