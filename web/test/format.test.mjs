// Unit tests for src/lib/format.ts: how the console turns API values into what
// an analyst reads. The TypeScript module is compiled in memory with esbuild
// (Vite's own compiler, already installed) and imported from a data: URL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = await build({
  entryPoints: [path.join(here, '..', 'src', 'lib', 'format.ts')],
  bundle: true,
  format: 'esm',
  write: false,
  logLevel: 'silent',
});
const f = await import('data:text/javascript;base64,' + Buffer.from(out.outputFiles[0].text).toString('base64'));

test('scores read as whole numbers and fall in bands', () => {
  assert.equal(f.pct(0.876), '88');
  assert.equal(f.pct(null), '—');
  assert.equal(f.scoreBand(0.95), 'high');
  assert.equal(f.scoreBand(0.9), 'high');
  assert.equal(f.scoreBand(0.85), 'medium');
  assert.equal(f.scoreBand(0.71), 'low');
});

test('match methods name the romanization scheme, except plain Latin', () => {
  assert.equal(f.methodLabel('exact', 'pinyin'), 'exact via Hanyu Pinyin');
  assert.equal(f.methodLabel('romanization', 'hk-cantonese'), 'romanized via Hong Kong Cantonese');
  assert.equal(f.methodLabel('phonetic', 'latin'), 'sounds alike');
  assert.equal(f.methodLabel('typo'), 'spelling variant');
  assert.equal(f.methodLabel('something-new', 'x-scheme'), 'something-new via x-scheme');
  assert.equal(f.schemeLabel('informal-fr'), 'informal spelling');
});

test('romanized forms split into scheme and text', () => {
  assert.deepEqual(f.splitForm('pinyin: wang wei'), { scheme: 'pinyin', text: 'wang wei' });
  assert.deepEqual(f.splitForm('icao-9303: vladimir putin'), { scheme: 'icao-9303', text: 'vladimir putin' });
  assert.deepEqual(f.splitForm('wang wei'), { scheme: '', text: 'wang wei' });
  assert.deepEqual(f.splitForm('Note: Chan'), { scheme: '', text: 'Note: Chan' });
});

test('feature effects are signed', () => {
  assert.equal(f.signed(0.05), '+0.05');
  assert.equal(f.signed(-0.1), '−0.10');
  assert.equal(f.signed(0.001), '0');
});

test('actors split into name and key id', () => {
  assert.deepEqual(f.splitActor('alice (vk_3f9a1c0b)'), { name: 'alice', keyId: 'vk_3f9a1c0b' });
  assert.deepEqual(f.splitActor('cli'), { name: 'cli', keyId: '' });
});

test('the "To" date is sent as the next day (exclusive bound), across month and year ends', () => {
  assert.equal(f.nextDay('2026-11-29'), '2026-11-30');
  assert.equal(f.nextDay('2026-11-30'), '2026-12-01');
  assert.equal(f.nextDay('2026-12-31'), '2027-01-01');
  assert.equal(f.nextDay('2028-02-28'), '2028-02-29');
  assert.equal(f.nextDay('not a date'), 'not a date');
});

test('the alert timeline has every day of the period, quiet days at zero', () => {
  const days = f.everyDay(
    [
      { day: '2026-11-29', count: 3 },
      { day: '2026-11-27', count: 1 },
      { day: '2026-10-01', count: 9 }, // outside the period
    ],
    4,
    new Date('2026-11-29T15:00:00Z'),
  );
  assert.deepEqual(days, [
    { day: '11-26', count: 0 },
    { day: '11-27', count: 1 },
    { day: '11-28', count: 0 },
    { day: '11-29', count: 3 },
  ]);
});

test('properties come in reading order, empty ones dropped', () => {
  const rows = f.sortedProperties({ notes: ['x'], birthDate: ['1953'], name: ['Xi Jinping'], zeta: ['z'], alias: [] });
  assert.deepEqual(rows.map(([k]) => k), ['name', 'birthDate', 'notes', 'zeta']);
  assert.equal(f.propertyLabel('birthDate'), 'Birth date');
  assert.equal(f.propertyLabel('passportNumber'), 'Passport number');
});

test('times are shown in UTC as stored', () => {
  assert.equal(f.when('2026-11-29T03:20:57.123Z'), '2026-11-29 03:20 UTC');
  assert.equal(f.when(null), '—');
  assert.equal(f.day('2026-11-29T03:20:57.123Z'), '2026-11-29');
});
