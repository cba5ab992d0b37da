import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { CENSOR_SYSTEM_PROMPT, HUGGINGFACE_STOP_SEQUENCES } from '../../src/services/censor/prompts.js';
import { PosterModel } from '../../src/services/imagery/poster/index.js';
import type { LoopbackServer } from '../fakes/http.js';
import { startFakeHuggingFace } from '../fakes/huggingface.js';
import { startFakeOpenAI, userMessageOf } from '../fakes/openai.js';
import { startFakeReplicate } from '../fakes/replicate.js';
import { passed } from '../services/censor/passed.js';
import { cli } from './helpers.js';

const servers: LoopbackServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** A small real PNG for the image fakes to serve. */
const png = async () =>
  (
    await new PosterModel({ width: 256, height: 256 }).render({
      prompt: await passed('a cat'),
      performanceNumber: 1,
      seed: 1,
    })
  ).png;

describe('the CLI against hosted engines (loopback fakes)', () => {
  test('censor --engine openai --jsonl: the system prompt goes out, the answer is guarded, the style appended in code', async () => {
    const openai = await startFakeOpenAI({
      chat: (request) => {
        const brief = userMessageOf(request);
        // What the GPT-3.5 fine-tune did: quotes, its own style word, a trailing run of digits.
        const rewrite = brief.replace('sword', 'ceremonial implement');
        return {
          body: {
            id: 'c1',
            object: 'chat.completion',
            created: 0,
            model: 'ft:censor',
            choices: [
              {
                index: 0,
                finish_reason: 'stop',
                message: { role: 'assistant', content: `"${rewrite}, argent 8812 4471"` },
              },
            ],
          },
        };
      },
    });
    servers.push(openai.server);
    const run = await cli(['censor', '--engine', 'openai', '--jsonl', '--style', 'flat vectors'], {
      stdin: 'a knight with a sword\n',
      env: {
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: openai.baseURL,
        OPENAI_CENSOR_MODEL: 'ft:censor',
        MODEL_RETRIES: '0',
      },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const record = JSON.parse(run.stdout);
    expect(record).toMatchObject({
      brief: 'a knight with a sword',
      verdict: 'rewrite',
      censored: 'a knight with a ceremonial implement',
      prompt: 'a knight with a ceremonial implement, flat vectors',
      engine: 'openai',
    });
    expect(record.changes).toEqual([
      expect.objectContaining({ from: 'sword', to: 'ceremonial implement', category: 'weapons', tier: 'redline' }),
    ]);
    const sent = openai.server.requestsTo(/chat\/completions/)[0]?.json as {
      model: string;
      messages: { role: string; content: string }[];
      temperature: number;
    };
    expect(sent.model).toBe('ft:censor');
    expect(sent.messages[0]).toEqual({ role: 'system', content: CENSOR_SYSTEM_PROMPT });
    expect(sent.temperature).toBe(0);
  });

  test('rehearse --censor huggingface --image replicate: template and stops sent, image from Replicate written', async () => {
    const hf = await startFakeHuggingFace({
      completion: ' a knight with a ceremonial implement in a village 4471 9921',
    });
    const replicate = await startFakeReplicate({ image: await png(), imageContentType: 'image/png' });
    servers.push(hf.server, replicate.server);
    const out = await mkdtemp(path.join(tmpdir(), 'ct-hosted-'));
    dirs.push(out);
    const run = await cli(
      [
        'rehearse',
        'a knight with a sword in a village',
        '--censor',
        'huggingface',
        '--image',
        'replicate',
        '--out',
        out,
      ],
      {
        env: {
          HF_TOKEN: 'hf_test',
          HF_CENSOR_ENDPOINT_URL: hf.endpointUrl('censor'),
          REPLICATE_API_TOKEN: 'r8_test',
          REPLICATE_BASE_URL: replicate.baseUrl,
          MODEL_RETRIES: '0',
        },
      },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('backup');
    const record = JSON.parse(await readFile(path.join(out, 'performance-1.json'), 'utf8'));
    expect(record.engine).toBe('huggingface');
    expect(record.censored).toBe('a knight with a ceremonial implement in a village');
    expect(await readFile(path.join(out, 'performance-1.png'))).toEqual(await png());
    const sent = hf.server.requestsTo(/\/endpoints\/censor/)[0]?.json as { prompt: string; stop: string[] };
    expect(sent.prompt).toBe('### Human: a knight with a sword in a village\n### Assistant:');
    expect(sent.stop).toEqual([...HUGGINGFACE_STOP_SEQUENCES]);
    const prediction = replicate.server.requestsTo(/predictions$/)[0]?.json as { input: { prompt: string } };
    expect(prediction.input.prompt).toBe(record.prompt);
  });

  test('a failing image service falls back to the poster, in character', async () => {
    const replicate = await startFakeReplicate({ create: () => ({ status: 500, body: { detail: 'GPU on fire' } }) });
    servers.push(replicate.server);
    const out = await mkdtemp(path.join(tmpdir(), 'ct-hosted-'));
    dirs.push(out);
    const run = await cli(['rehearse', 'a quiet sea', '--image', 'replicate', '--out', out], {
      env: { REPLICATE_API_TOKEN: 'r8_test', REPLICATE_BASE_URL: replicate.baseUrl, MODEL_RETRIES: '0' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'The replicate studio is unavailable; the in-house poster department has been engaged.',
    );
    const written = await readFile(path.join(out, 'performance-1.png'));
    expect(written.subarray(1, 4).toString()).toBe('PNG');
  });

  test('a hosted engine without its key is refused before anything runs', async () => {
    const run = await cli(['censor', '--engine', 'openai', 'a cat']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: The openai censor needs OPENAI_API_KEY — set it in .env, or choose the lexicon engine.\n',
    );
  });
});
