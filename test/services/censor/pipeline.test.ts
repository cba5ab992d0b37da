import { describe, expect, test } from 'vitest';
import { Lexicon, LexiconCensor, loadBuiltInLexiconEntries } from '../../../src/services/censor/lexicon/index.js';
import {
  censorBrief,
  originalSubmission,
  REDACTED_BAR,
  recheckPrompt,
  reinstate,
  submittedText,
} from '../../../src/services/censor/pipeline.js';

const censor = new LexiconCensor({ lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()) });
const HOUSE = 'flat vectors';

describe('a member’s style is censored with the brief', () => {
  test('its terms are changes like any other, the house style appended after', async () => {
    const { result, prompt } = await censorBrief(censor, {
      brief: 'a calm lake',
      memberStyle: 'bloody gore, guns',
      style: HOUSE,
    });
    expect(submittedText('a calm lake', 'bloody gore, guns')).toBe('a calm lake, bloody gore, guns');
    expect(result.changes.map((c) => c.from)).toEqual(['bloody', 'gore', 'guns']);
    expect(result.changes.every((c) => c.start >= 'a calm lake, '.length)).toBe(true);
    expect(prompt).not.toMatch(/bloody|gore|guns/);
    expect(prompt.endsWith(`, ${HOUSE}`)).toBe(true);
  });

  test('a block term in the style refuses the brief', async () => {
    const { result, prompt } = await censorBrief(censor, {
      brief: 'a calm lake',
      memberStyle: 'snuff film',
      style: HOUSE,
    });
    expect(result.verdict).toBe('block');
    expect(prompt).toBe('');
  });
});

describe('reinstate', () => {
  const text = 'a shitty knight with a sword at a protest';
  test.each([
    ['nothing upheld but the hidden terms', () => false, /█|shitty/, 'a sword at a protest'],
    ['everything upheld', () => true, /sword|protest|shitty/, null],
  ])('%s', async (_name, upheld, never, present) => {
    const first = await censorBrief(censor, { brief: text, style: HOUSE });
    const second = reinstate(text, first, HOUSE, upheld);
    expect(second.prompt).not.toMatch(never);
    if (present) expect(second.prompt).toContain(present);
    // A blackout change always stands, whatever the policy says.
    expect(second.result.changes.some((c) => c.tier === 'blackout')).toBe(true);
  });
});

describe('the original submission', () => {
  test('redline terms as written, blackout terms as bars, no house style', async () => {
    const text = 'a shitty knight with a sword';
    const original = originalSubmission(text, await censorBrief(censor, { brief: text, style: HOUSE }));
    expect(original).toBe(`a ${REDACTED_BAR} knight with a sword`);
  });

  test('a blocked brief has no original to draw', async () => {
    const text = 'a snuff film';
    expect(originalSubmission(text, await censorBrief(censor, { brief: text, style: HOUSE }))).toBeUndefined();
  });
});

describe('recheckPrompt', () => {
  test.each([
    ['an approved prompt passes unchanged', 'a knight with a ceremonial letter opener, flat vectors', true],
    ['a redline term reinstated on appeal passes', 'a protest march, flat vectors', true],
    ['a blackout term is refused', 'a shitty knight', false],
    ['a block term is refused', 'a snuff film', false],
  ])('%s', async (_name, prompt, ok) => {
    const check = recheckPrompt(censor, prompt);
    if (ok) await expect(check).resolves.toBe(prompt);
    else await expect(check).rejects.toThrow(/no longer passes the censor/);
  });

  test('a guild term added later is caught', async () => {
    const add = [
      {
        term: 'pineapple',
        category: 'corporate' as const,
        tier: 'blackout' as const,
        euphemisms: ['fruit'],
        reason: 'House Rule 1',
      },
    ];
    await expect(recheckPrompt(censor, 'a pineapple', { overrides: { add, remove: [] } })).rejects.toThrow();
  });
});
