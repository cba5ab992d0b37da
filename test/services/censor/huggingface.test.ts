import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ModelError } from '../../../src/errors.js';
import { type HuggingFaceCensorTask, HuggingFaceRewriter } from '../../../src/services/censor/huggingface.js';
import { Lexicon } from '../../../src/services/censor/lexicon/index.js';
import { ModelCensor, maxRewriteTokens, RECONSIDER_INSTRUCTION } from '../../../src/services/censor/model-censor.js';
import { CENSOR_SYSTEM_PROMPT, HUGGINGFACE_STOP_SEQUENCES } from '../../../src/services/censor/prompts.js';
import type { LoopbackServer, Reply } from '../../fakes/http.js';
import { completionBody, hfChatBody, startFakeHuggingFace } from '../../fakes/huggingface.js';

const lexicon = Lexicon.fromEntries([
  { term: 'sword', category: 'weapons', tier: 'redline', euphemisms: ['ceremonial implement'], reason: 'Weapons 4.2' },
]);
const style = 'corporate memphis illustration, flat pastel vectors';
const brief = 'a knight with a sword in a village';
const approved = 'a knight with a ceremonial implement in a village';
const template = `### Human: ${brief}\n### Assistant:`;

let fake: Awaited<ReturnType<typeof startFakeHuggingFace>>;
let server: LoopbackServer;
let replies: Reply[];
const next = (fallback: Reply) => () => (replies.length > 1 ? replies.shift() : replies[0]) ?? fallback;

beforeEach(async () => {
  replies = [];
  fake = await startFakeHuggingFace({
    completion: next({ body: completionBody(` ${approved}`) }),
    chat: next({ body: hfChatBody(approved) }),
    tasks: { 'acme/chat-censor': 'conversational' },
  });
  server = fake.server;
});
afterEach(() => server.stop());

let modelCount = 0;
const censorWith = (
  options: { task?: HuggingFaceCensorTask; endpoint?: boolean; model?: string; timeoutMs?: number } = {},
) =>
  new ModelCensor({
    rewriter: new HuggingFaceRewriter({
      token: 'hf_test_token',
      // A fresh model id per censor: the client caches a model's provider mapping for the whole process.
      model: options.model ?? `acme/falcon-censor-${++modelCount}`,
      ...(options.endpoint === false ? {} : { endpointUrl: fake.endpointUrl('censor') }),
      task: options.task ?? 'text-generation',
      fetch: fake.fetch,
    }),
    lexicon,
    style,
    retry: { retries: 2, timeoutMs: options.timeoutMs ?? 2_000, baseDelayMs: 1, maxDelayMs: 5 },
  });
const posts = () => server.requests.filter((r) => r.method === 'POST');

describe('huggingface censor: what is sent', () => {
  test('text generation on an endpoint: the fine-tune template, its stop sequences, max tokens, temperature 0', async () => {
    await censorWith().censor({ brief });
    const [request] = posts();
    expect(request?.path).toBe('/endpoints/censor/v1/completions');
    expect(request?.headers.authorization).toBe('Bearer hf_test_token');
    expect(request?.json).toMatchObject({
      prompt: template,
      stop: [...HUGGINGFACE_STOP_SEQUENCES],
      max_tokens: maxRewriteTokens(brief),
      temperature: 0,
    });
  });

  test('text generation by model id: the Hub names the provider, the router serves it', async () => {
    await censorWith({ endpoint: false, model: 'acme/falcon-by-id' }).censor({ brief });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /hub/api/models/acme/falcon-by-id',
      'POST /router/hf-inference/models/acme/falcon-by-id/v1/completions',
    ]);
    expect(posts()[0]?.json).toMatchObject({ model: 'acme/falcon-by-id', prompt: template });
  });

  test('chat completion by model id goes to the router with the system prompt', async () => {
    await censorWith({ task: 'chat-completion', endpoint: false, model: 'acme/chat-censor' }).censor({ brief });
    const [request] = posts();
    expect(request?.path).toBe('/router/v1/chat/completions');
    expect(request?.json).toMatchObject({
      model: 'acme/chat-censor',
      messages: [
        { role: 'system', content: CENSOR_SYSTEM_PROMPT },
        { role: 'user', content: brief },
      ],
      max_tokens: maxRewriteTokens(brief),
      stop: [...HUGGINGFACE_STOP_SEQUENCES],
      temperature: 0,
    });
  });

  test('chat completion on an endpoint', async () => {
    await censorWith({ task: 'chat-completion' }).censor({ brief });
    expect(posts()[0]?.path).toBe('/endpoints/censor/v1/chat/completions');
  });

  test('on appeal the lenient instruction leads the template', async () => {
    await censorWith().censor({ brief, stance: 'reconsider' });
    expect(posts()[0]?.json).toMatchObject({ prompt: `${RECONSIDER_INSTRUCTION}\n${template}` });
  });
});

describe('huggingface censor: how answers are handled', () => {
  test.each([
    ['the Falcon gibberish numbers', ` ${approved} 3321 8890 17 4`],
    ['the next turn it kept writing', ` ${approved}\n### Human: and a dragon`],
    ['the prompt echoed back', `${template} ${approved}`],
    ['wrapping quotes', ` "${approved}"`],
    ['the term left in', ` ${brief}`],
  ])('%s', async (_name, text) => {
    replies.push({ body: completionBody(text) });
    await expect(censorWith().censor({ brief })).resolves.toMatchObject({
      verdict: 'rewrite',
      censored: approved,
      engine: 'huggingface',
    });
  });

  test('a 503 while the model loads: retried after Retry-After, not forever', async () => {
    replies.push({ status: 503, headers: { 'retry-after': '0' }, body: { error: 'Model is currently loading' } });
    replies.push({ body: completionBody(` ${approved}`) });
    await expect(censorWith().censor({ brief })).resolves.toMatchObject({ censored: approved });
    expect(posts()).toHaveLength(2);
  });

  test.each<[string, Reply, number, RegExp]>([
    ['empty output', { body: completionBody('') }, 1, /empty rewrite/],
    ['only digits', { body: completionBody(' 1234 5678') }, 1, /empty rewrite/],
    ['a 503, every time', { status: 503, body: { error: 'Model is currently loading' } }, 3, /loading/],
    ['a 429, every time', { status: 429, body: { error: 'Rate limit reached' } }, 3, /Rate limit/],
    ['a 500', { status: 500, body: { error: 'CUDA out of memory' } }, 3, /CUDA/],
    ['a 400', { status: 400, body: { error: 'Input validation error' } }, 1, /validation/],
    ['malformed JSON', { headers: { 'content-type': 'application/json' }, body: '{"choices":[{"te' }, 1, /JSON/],
    ['no choices', { body: { choices: [] } }, 1, /malformed/],
  ])('%s is a ModelError', async (_name, reply, requests, message) => {
    replies.push(reply);
    const outcome = censorWith().censor({ brief });
    await expect(outcome).rejects.toBeInstanceOf(ModelError);
    await expect(outcome).rejects.toThrow(message);
    expect(posts()).toHaveLength(requests);
  });

  test('a model slower than the deadline times out, once', async () => {
    replies.push({ delayMs: 1_000, body: completionBody(` ${approved}`) });
    await expect(censorWith({ timeoutMs: 200 }).censor({ brief })).rejects.toThrow(
      /huggingface: timed out after 200 ms/,
    );
    expect(posts()).toHaveLength(1);
  });
});
