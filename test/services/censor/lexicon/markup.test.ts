import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';
import { readMarkup } from '../../../../src/services/censor/lexicon/markup.js';

const safety = Lexicon.fromEntries(loadBuiltInLexiconEntries()).safetyOnly;

describe('readMarkup: a brief as it is shown', () => {
  test.each([
    ['f<b>u</b>ck', 'fuck'],
    ['a<br>ss', 'ass'],
    ['a<br/>ss', 'ass'],
    ['<span style="color:red">sh</span>it', 'shit'],
    ['fu<!-- hidden -->ck', 'fuck'],
    ['sh&#105;t', 'shit'],
    ['sh&#105t', 'shit'],
    ['sh&#x69;t', 'shit'],
    ['sh&#X69;t', 'shit'],
    ['n&aacute;ked', 'náked'],
    ['&Uuml;ber', 'Über'],
    ['rock &amp; roll', 'rock & roll'],
    ['p&shy;orn', 'p\u00adorn'],
    ['&omicron;&Omega;', 'οΩ'],
    ['&lt;b&gt;', '<b>'],
    ['f**u**ck', 'fuck'],
    ['f***u***ck', 'fuck'],
    ['f*u*ck', 'fuck'],
    ['f__u__ck', 'fuck'],
    ['f~~u~~ck', 'fuck'],
    ['f||u||ck', 'fuck'],
    ['f`u`ck', 'fuck'],
    ['<b>f**u**ck</b>', 'fuck'],
  ])('%j → %j', (text, shown) => {
    expect(readMarkup(text)?.text).toBe(shown);
  });

  test.each([
    'a plain brief',
    'black & white photo',
    'I <3 you',
    'x < y and y > z',
    '<unknown>tag</unknown>',
    '&notanentity; &#0; &#xD800;',
    'Q&A session',
    'f*ck',
    'f*** that',
    'f**k this s**t',
    '**bold words** stay as written',
    'a * b * c',
    '2*3',
  ])('no markup in %j', (text) => {
    expect(readMarkup(text)).toBeUndefined();
  });

  test('each shown character keeps the span of the original that produced it', () => {
    const reading = readMarkup('f<b>u</b>&#99;k') as NonNullable<ReturnType<typeof readMarkup>>;
    expect(reading.text).toBe('fuck');
    expect(reading.starts).toEqual([0, 4, 9, 14]);
    expect(reading.ends).toEqual([1, 5, 14, 15]);
  });
});

describe('the safety layer reads markup', () => {
  test.each([
    ['a<br>ss', 'a<br>ss'],
    ['f<b>u</b>ck you', 'f<b>u</b>ck'],
    ['sh&#105;t happens', 'sh&#105;t'],
    ['<i>n</i>aked statue', 'n</i>aked'],
    ['<b>fuck</b> off', 'fuck'],
    ['b&#x6c;ood on the snow', 'b&#x6c;ood'],
    ['<a title="porn">link</a>', 'porn'],
    ['&#112;&#111;&#114;&#110;', '&#112;&#111;&#114;&#110;'],
    ['f**u**ck you', 'f**u**ck'],
    ['sh||i||t', 'sh||i||t'],
    ['p~~o~~rn site', 'p~~o~~rn'],
    ['n_a_ked', 'n_a_ked'],
    ['**fuck**', 'fuck'],
  ])('%j strikes %j', (brief, struck) => {
    expect(safety.scan(brief).map((m) => m.text)).toEqual([struck]);
  });

  test('the rewrite replaces the original span, tags and references included', () => {
    const { censored, changes } = safety.rewrite('well f<b>u</b>ck this');
    expect(changes.map((c) => [c.start, c.end, c.from])).toEqual([[5, 16, 'f<b>u</b>ck']]);
    expect(censored.startsWith('well ')).toBe(true);
    expect(censored.endsWith(' this')).toBe(true);
    expect(censored).not.toContain('<b>');
  });

  test.each([
    '<b>bold</b> text',
    'AT&amp;T and Q&amp;A',
    'fish &amp; chips',
    '<p>a class assignment</p>',
    'I &lt;3 my cat',
    'caf&eacute; au lait',
    'x<y and y>z',
    '<em>as</em>s<em>ess</em>',
    'a *nice* day',
    'snake_case_name',
    'as**sess**ment',
    '||spoiler|| ahead',
    'use `git push` here',
  ])('leaves %j alone', (brief) => {
    expect(safety.scan(brief)).toEqual([]);
  });
});
