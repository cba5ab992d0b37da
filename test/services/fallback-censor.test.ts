import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { Lexicon, LexiconCensor } from '../../src/services/censor/lexicon/index.js';
import { createOpenAICensor } from '../../src/services/censor/openai.js';
import { fallbackCensor } from '../../src/services/fallback.js';
import type { LoopbackServer, Reply } from '../fakes/http.js';
import { chatCompletionBody, openAIErrorBody, startFakeOpenAI } from '../fakes/openai.js';

const lexicon = Lexicon.fromEntries([
  { term: 'sword', category: 'weapons', tier: 'redline', euphemisms: ['letter opener'], reason: 'Weapons 4.2' },
]);
const brief = 'a knight with a sword in a village';

let server: LoopbackServer;
let baseURL: string;
let reply: Reply;
let lines: Array<Record<string, unknown>>;

beforeEach(async () => {
  reply = { body: chatCompletionBody('a knight with a ceremonial implement in a village') };
  ({ server, baseURL } = await startFakeOpenAI({ chat: () => reply }));
  lines = [];
});
afterEach(() => server.stop());

function censor() {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const log = createLogger('info', sink);
  const primary = createOpenAICensor({
    apiKey: 'sk-secret-key-123',
    model: 'ft:gpt-3.5-turbo:acme::censor',
    baseURL,
    lexicon,
    style: 'flat vectors',
    retry: { retries: 1, timeoutMs: 200, baseDelayMs: 1, maxDelayMs: 2 },
    log,
  });
  return fallbackCensor({ primary, backup: new LexiconCensor({ lexicon }), log });
}

describe('fallbackCensor', () => {
  test('a working hosted engine performs; the result names it', async () => {
    const result = await censor().censor({ brief });
    expect(result).toMatchObject({ engine: 'openai', censored: 'a knight with a ceremonial implement in a village' });
    expect(lines.filter((l) => l.level === 40)).toEqual([]);
  });

  test.each<[string, Reply]>([
    ['a 500', { status: 500, body: openAIErrorBody('boom') }],
    ['a timeout', { delayMs: 1_000, body: chatCompletionBody('late') }],
    ['empty output', { body: chatCompletionBody('   ') }],
    ['malformed JSON', { headers: { 'content-type': 'application/json' }, body: '{"choi' }],
  ])('on %s the lexicon stands in, and the log says why', async (_name, failure) => {
    reply = failure;
    const fallback = censor();
    expect(fallback.name).toBe('openai');
    const result = await fallback.censor({ brief });
    expect(result).toMatchObject({ engine: 'lexicon', censored: 'a knight with a letter opener in a village' });
    const warning = lines.find((l) => l.level === 40);
    expect(warning).toMatchObject({ msg: 'censor engine failed; falling back to lexicon', engine: 'openai' });
    expect(warning?.err).toMatchObject({ message: expect.stringMatching(/^openai: /) });
    expect(JSON.stringify(lines)).not.toContain('sk-secret-key-123');
  });

  test('a cancelled act is not covered up by the backup', async () => {
    reply = { delayMs: 1_000, body: chatCompletionBody('late') };
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('act cancelled')), 30);
    await expect(censor().censor({ brief, signal: controller.signal })).rejects.toThrow('act cancelled');
    expect(lines.filter((l) => l.level === 40)).toEqual([]);
  });
});
