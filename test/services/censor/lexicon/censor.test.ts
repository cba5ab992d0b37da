import { describe, expect, test, vi } from 'vitest';
import { LexiconCensor } from '../../../../src/services/censor/lexicon/index.js';
import { censorResultSchema } from '../../../../src/services/censor/schemas.js';
import { entry, sampleLexicon } from './fixtures.js';

describe('LexiconCensor', () => {
  test.each([
    [{ brief: 'a gun' }, 'rewrite', 'an approved device'],
    [{ brief: 'a gun', stance: 'reconsider' as const }, 'pass', 'a gun'],
    [{ brief: 'a quiet lake' }, 'pass', 'a quiet lake'],
    [{ brief: 'sex' }, 'block', ''],
    [{ brief: 'a gun', overrides: { add: [], remove: ['gun'] } }, 'pass', 'a gun'],
    [
      { brief: 'a memo', overrides: { add: [entry('memo', 'inspiring note')], remove: [] } },
      'rewrite',
      'an inspiring note',
    ],
  ])('%j → %s', async (request, verdict, censored) => {
    const result = await new LexiconCensor({ lexicon: sampleLexicon() }).censor(request);
    expect(censorResultSchema.parse(result)).toEqual(result);
    expect(result).toMatchObject({ verdict, censored, engine: 'lexicon' });
  });

  test('is named lexicon', () => {
    expect(new LexiconCensor({ lexicon: sampleLexicon() }).name).toBe('lexicon');
  });

  test("a guild's repeated briefs reuse its compiled overrides", async () => {
    const lexicon = sampleLexicon();
    const withOverrides = vi.spyOn(lexicon, 'withOverrides');
    const censor = new LexiconCensor({ lexicon });
    const overrides = () => ({ add: [entry('memo', 'note')], remove: ['axe', 'gun'] });
    await censor.censor({ brief: 'memo', overrides: overrides() });
    await censor.censor({ brief: 'a gun', overrides: overrides() });
    await censor.censor({ brief: 'axe', overrides: { add: [entry('memo', 'note')], remove: ['gun', 'axe'] } });
    expect(withOverrides).toHaveBeenCalledTimes(1);
    await censor.censor({ brief: 'memo', overrides: { add: [], remove: ['memo'] } });
    expect(withOverrides).toHaveBeenCalledTimes(2);
    await censor.censor({ brief: 'memo', overrides: { add: [], remove: [] } });
    expect(withOverrides).toHaveBeenCalledTimes(2);
  });

  test('an aborted request is not performed', async () => {
    const censor = new LexiconCensor({ lexicon: sampleLexicon() });
    await expect(censor.censor({ brief: 'gun', signal: AbortSignal.abort(new Error('gone')) })).rejects.toThrow('gone');
  });
});
