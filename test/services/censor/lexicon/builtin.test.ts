import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';
import { termKey } from '../../../../src/services/censor/lexicon/normalize.js';

const entries = loadBuiltInLexiconEntries();
const lexicon = Lexicon.fromEntries(entries);

const innocent = readFileSync(new URL('../../../../data/eval/innocent.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

describe('the built-in lexicon', () => {
  test('loads with hundreds of entries, each term once', () => {
    expect(lexicon.size).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(500);
    const keys = entries.map((e) => termKey(e.term));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });

  test('every term is found as itself', () => {
    expect(entries.filter((e) => lexicon.find(e.term) !== e).map((e) => e.term)).toEqual([]);
  });

  test('no euphemism holds a term, so a censored brief passes the guard’s re-scan', () => {
    const offending = entries.flatMap((e) =>
      [...e.euphemisms, ...(e.nounEuphemisms ?? []), ...(e.verbEuphemisms ?? [])].filter(
        (u) => lexicon.scan(u).length > 0,
      ),
    );
    expect(offending).toEqual([]);
  });
});

describe('innocent words and prompts from data/eval/innocent.txt pass unchanged', () => {
  test.each(innocent)('%j', (line) => {
    expect(lexicon.rewrite(line)).toEqual({ verdict: 'pass', censored: line, changes: [] });
  });
});

describe('disguised briefs are caught by the built-in lexicon', () => {
  test.each([
    ['a man holding a g u n', ['gun']],
    ['K1LL the dragon', ['kill']],
    ['bl00d on the snow', ['blood']],
    ['n@ked statue', ['naked']],
    ['an assault-rifle on a table', ['assault rifle']],
    ['stabbing a pillow', ['stab']],
    ['kiiiiill', ['kill']],
    ['ｇｕｎ', ['gun']],
    ['nâked', ['naked']],
    ['two sniper rifles', ['sniper rifle']],
    ['a shotgun and a gunman', ['shotgun', 'gunman']],
    ['a girl holding an ak - 4 7', ['ak-47']],
    ['an ar 1 5 on the wall', ['ar-15']],
  ])('%j', (brief, terms) => {
    expect(lexicon.scan(brief).map((m) => m.entry.term)).toEqual(terms);
  });
});

describe('scanning stays linear in the length of the brief', () => {
  // Generous bounds: these catch a quadratic blow-up (minutes), not a slow machine (tens of milliseconds).
  test.each([
    ['ordinary prose', 'a knight with a sword in a field of flowers, 8k, trending on artstation, '],
    ['spaced-out letters', 'a b c d e f g h i j k l m n o p q r s t u v w x y z '],
    ['leet symbols', '$!|@1 k1ll 5ex bl00d '],
    ['stretched letters', 'kiiiiiiiiiiiiiiiiiiiiiiiiiiiill bloooooooooood '],
    ['markup and references', 'f<b>u</b>ck <!-- x --> sh&#105;t &amp; <b>a</b>'],
  ])('%s, 100 KB', (_, unit) => {
    const brief = unit.repeat(Math.ceil(100_000 / unit.length));
    const started = performance.now();
    lexicon.rewrite(brief);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
