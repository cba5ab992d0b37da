import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { Lexicon } from '../../../src/services/censor/lexicon/index.js';
import { ModelCensor, maxRewriteTokens, RECONSIDER_INSTRUCTION } from '../../../src/services/censor/model-censor.js';
import { OPENAI_STOP_SEQUENCES, OpenAIRewriter } from '../../../src/services/censor/openai.js';
import { CENSOR_SYSTEM_PROMPT } from '../../../src/services/censor/prompts.js';
import type { LoopbackServer, Reply } from '../../fakes/http.js';
import { chatCompletionBody, openAIErrorBody, startFakeOpenAI } from '../../fakes/openai.js';

const lexicon = Lexicon.fromEntries([
  { term: 'sword', category: 'weapons', tier: 'redline', euphemisms: ['ceremonial implement'], reason: 'Weapons 4.2' },
  { term: 'nazi', category: 'hate', tier: 'block', euphemisms: ['refused'], reason: 'Zero Tolerance 1.1' },
]);
const style = 'corporate memphis illustration, flat pastel vectors';
const brief = 'a knight with a sword in a village';
const approved = 'a knight with a ceremonial implement in a village';
const model = 'ft:gpt-3.5-turbo-0125:acme::censor42';

let server: LoopbackServer;
let baseURL: string;
let replies: Reply[];

beforeEach(async () => {
  replies = [];
  // Each test queues its answers; the last one repeats.
  ({ server, baseURL } = await startFakeOpenAI({
    chat: () => (replies.length > 1 ? replies.shift() : replies[0]) ?? { body: chatCompletionBody(approved) },
  }));
});
afterEach(() => server.stop());

const censorWith = (retry: { retries?: number; timeoutMs?: number } = {}) =>
  new ModelCensor({
    rewriter: new OpenAIRewriter({ apiKey: 'sk-test-key', model, baseURL }),
    lexicon,
    style,
    retry: { retries: 2, timeoutMs: 2_000, baseDelayMs: 1, maxDelayMs: 5, ...retry },
  });
const chatRequests = () => server.requestsTo(/\/v1\/chat\/completions$/);

describe('openai censor: what is sent', () => {
  test('the system prompt, the brief, the model, temperature 0, max tokens and stop sequences', async () => {
    await censorWith().censor({ brief });
    const [request] = chatRequests();
    expect(request?.headers.authorization).toBe('Bearer sk-test-key');
    expect(request?.json).toMatchObject({
      model,
      messages: [
        { role: 'system', content: CENSOR_SYSTEM_PROMPT },
        { role: 'user', content: brief },
      ],
      temperature: 0,
      max_completion_tokens: maxRewriteTokens(brief),
      stop: OPENAI_STOP_SEQUENCES,
      n: 1,
    });
  });

  test('on appeal the system prompt adds the lenient instruction', async () => {
    await censorWith().censor({ brief, stance: 'reconsider' });
    const body = chatRequests()[0]?.json as { messages: Array<{ content: string }> };
    expect(body.messages[0]?.content).toBe(`${CENSOR_SYSTEM_PROMPT} ${RECONSIDER_INSTRUCTION}`);
  });

  test('a brief with a block term is refused without leaving the building', async () => {
    const result = await censorWith().censor({ brief: 'a nazi parade' });
    expect(result).toMatchObject({ verdict: 'block', censored: '', engine: 'openai' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('openai censor: how answers are handled', () => {
  test.each([
    ['a clean rewrite', approved],
    ['trailing gibberish digits', `${approved} 4471 0093 12`],
    ['wrapping quotes', `“${approved}”`],
    ['the style turned into "argent"', `${approved}, argent`],
    ['a leak of the term', brief],
  ])('%s', async (_name, content) => {
    replies.push({ body: chatCompletionBody(content) });
    const result = await censorWith().censor({ brief });
    expect(result).toMatchObject({ verdict: 'rewrite', censored: approved, engine: 'openai' });
    expect(result.changes).toMatchObject([{ from: 'sword', to: 'ceremonial implement', category: 'weapons' }]);
  });

  test('a guild term the model let through is censored by the guild lexicon', async () => {
    replies.push({ body: chatCompletionBody(`${approved} with a dragon`) });
    const result = await censorWith().censor({
      brief: `${brief} with a dragon`,
      overrides: {
        add: [{ term: 'dragon', category: 'corporate', tier: 'redline', euphemisms: ['mascot'], reason: 'Brand 2.1' }],
        remove: [],
      },
    });
    expect(result.censored).toBe(`${approved} with a mascot`);
  });

  test('a 429 then an answer: retried after Retry-After, then performed', async () => {
    replies.push({ status: 429, headers: { 'retry-after-ms': '30' }, body: openAIErrorBody('rate limited') });
    replies.push({ body: chatCompletionBody(approved) });
    await expect(censorWith().censor({ brief })).resolves.toMatchObject({ censored: approved });
    expect(chatRequests()).toHaveLength(2);
  });

  test.each<[string, Reply, number, RegExp]>([
    ['empty output', { body: chatCompletionBody('') }, 1, /empty rewrite/],
    ['no content, a refusal', { body: chatCompletionBody(null) }, 1, /no text/],
    ['cut off at max tokens', { body: chatCompletionBody('a knight with', { finishReason: 'length' }) }, 1, /tokens/],
    ['a 500, every time', { status: 500, body: openAIErrorBody('boom') }, 3, /500/],
    ['a 429, every time', { status: 429, body: openAIErrorBody('rate limited') }, 3, /429/],
    ['a 401', { status: 401, body: openAIErrorBody('bad key', 'invalid_request_error') }, 1, /401/],
    [
      'malformed JSON',
      { headers: { 'content-type': 'application/json' }, body: '{"choices": [ {"mess' },
      1,
      /JSON|Unexpected|Unterminated/i,
    ],
  ])('%s is a ModelError after %#', async (_name, reply, requests, message) => {
    replies.push(reply);
    const outcome = censorWith().censor({ brief });
    await expect(outcome).rejects.toBeInstanceOf(ModelError);
    await expect(outcome).rejects.toThrow(message);
    expect(chatRequests()).toHaveLength(requests);
  });

  test('a model slower than the deadline times out, once', async () => {
    replies.push({ delayMs: 1_000, body: chatCompletionBody(approved) });
    const started = Date.now();
    await expect(censorWith({ timeoutMs: 200 }).censor({ brief })).rejects.toThrow(/openai: timed out after 200 ms/);
    expect(Date.now() - started).toBeLessThan(900);
    expect(chatRequests()).toHaveLength(1);
  });

  test("the caller's abort is not turned into a model failure", async () => {
    replies.push({ delayMs: 1_000, body: chatCompletionBody(approved) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('act cancelled')), 50);
    await expect(censorWith().censor({ brief, signal: controller.signal })).rejects.toThrow('act cancelled');
  });
});
