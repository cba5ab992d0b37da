import { createCanvas } from '@napi-rs/canvas';
import { afterEach, describe, expect, test } from 'vitest';
import { loadSharedConfig } from '../../src/config.js';
import { UserFacingError } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { Lexicon } from '../../src/services/censor/lexicon/index.js';
import {
  assertEngineReady,
  BUILT_IN_PROVIDERS,
  createCensorModel,
  createImageModel,
} from '../../src/services/engines.js';
import type { LoopbackServer } from '../fakes/http.js';
import { startFakeHuggingFace } from '../fakes/huggingface.js';
import { chatCompletionBody, openAIErrorBody, startFakeOpenAI } from '../fakes/openai.js';
import { recordedPrompts, recordingImageProvider } from '../fakes/recording-image-provider.js';
import { startFakeReplicate } from '../fakes/replicate.js';
import { passed } from './censor/passed.js';

const lexicon = Lexicon.fromEntries([
  { term: 'sword', category: 'weapons', tier: 'redline', euphemisms: ['letter opener'], reason: 'Weapons 4.2' },
]);
const brief = 'a knight with a sword in a village';
const modelRewrite = 'a knight with a ceremonial implement in a village';
const imageRequest = {
  prompt: await passed('a knight, flat vectors'),
  performanceNumber: 1,
  seed: 1,
  width: 256,
  height: 256,
};
const config = (env: Record<string, string> = {}) =>
  loadSharedConfig({ MODEL_RETRIES: '0', MODEL_TIMEOUT_MS: '2000', ...env });
const deps = (env: Record<string, string> = {}, fetch?: typeof globalThis.fetch) => ({
  config: config(env),
  log: silentLogger(),
  lexicon,
  ...(fetch ? { fetch } : {}),
});

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

describe('assertEngineReady', () => {
  test.each([
    ['censor', 'openai', {}, 'The openai censor needs OPENAI_API_KEY — set it in .env, or choose the lexicon engine.'],
    [
      'censor',
      'huggingface',
      {},
      'The huggingface censor needs HF_TOKEN — set it in .env, or choose the lexicon engine.',
    ],
    [
      'image',
      'replicate',
      {},
      'The replicate image engine needs REPLICATE_API_TOKEN — set it in .env, or choose the poster engine.',
    ],
    [
      'image',
      'huggingface',
      {},
      'The huggingface image engine needs HF_TOKEN — set it in .env, or choose the poster engine.',
    ],
    [
      'image',
      'openai',
      {},
      'The openai image engine needs OPENAI_API_KEY — set it in .env, or choose the poster engine.',
    ],
    [
      'image',
      'replicate',
      { REPLICATE_API_TOKEN: 'r8_x', REPLICATE_IMAGE_MODEL: 'flux' },
      'The replicate image engine needs REPLICATE_IMAGE_MODEL as owner/name or owner/name:version (it is "flux").',
    ],
    ['censor', 'openai', { OPENAI_API_KEY: '' }, 'The openai censor needs OPENAI_API_KEY'],
  ] as const)('%s %s is refused with a clear message', (kind, name, env, message) => {
    const check = () =>
      kind === 'censor' ? assertEngineReady(kind, name, config(env)) : assertEngineReady(kind, name, config(env));
    expect(check).toThrow(UserFacingError);
    expect(check).toThrow(message);
  });

  test.each([
    ['censor', 'lexicon', {}],
    ['image', 'poster', {}],
    ['censor', 'openai', { OPENAI_API_KEY: 'sk-x' }],
    ['censor', 'huggingface', { HF_TOKEN: 'hf_x' }],
    ['image', 'replicate', { REPLICATE_API_TOKEN: 'r8_x', REPLICATE_IMAGE_MODEL: 'stability-ai/sdxl:39ed52f2a7' }],
    ['image', 'huggingface', { HF_TOKEN: 'hf_x' }],
    ['image', 'openai', { OPENAI_API_KEY: 'sk-x' }],
  ] as const)('%s %s is ready', (kind, name, env) => {
    expect(() =>
      kind === 'censor' ? assertEngineReady(kind, name, config(env)) : assertEngineReady(kind, name, config(env)),
    ).not.toThrow();
  });

  test('the factories refuse a missing key at construction, not mid-show', () => {
    expect(() => createCensorModel('openai', deps())).toThrow(UserFacingError);
    expect(() => createImageModel('replicate', deps())).toThrow(UserFacingError);
  });
});

describe('a provider added in one file and one registry line', () => {
  // The registry line: the built-in providers plus the test's own.
  const providers = { ...BUILT_IN_PROVIDERS, image: [...BUILT_IN_PROVIDERS.image, recordingImageProvider] };
  const withKeys = (env: Record<string, string>) => ({
    config: loadSharedConfig({ MODEL_RETRIES: '0', ...env }, [recordingImageProvider]),
    log: silentLogger(),
    lexicon,
    providers,
  });

  test('its own keys are read into the config and checked like a built-in engine', () => {
    expect(withKeys({ RECORDING_COLOUR: '#ff00aa' }).config).toMatchObject({ RECORDING_COLOUR: '#ff00aa' });
    expect(() => createImageModel('recording', withKeys({}))).toThrow(
      'The recording image engine needs RECORDING_COLOUR — set it in .env, or choose the poster engine.',
    );
    expect(() => createImageModel('recording', withKeys({ RECORDING_COLOUR: 'pink' }))).toThrow(
      'The recording image engine needs a #rrggbb colour.',
    );
    expect(() => createImageModel('recording', deps({ RECORDING_COLOUR: '#ff00aa' }))).toThrow(
      'The recording image engine is not an engine this build knows; choose the poster engine.',
    );
  });

  test('it renders through the same fallback as the built-in engines', async () => {
    const model = createImageModel('recording', withKeys({ RECORDING_COLOUR: '#ff00aa', RECORDING_SIDE: '32' }));
    const first = await model.render({ ...imageRequest, prompt: await passed('a brand-safe lake') });
    expect(first).toMatchObject({ engine: 'recording', width: 32, height: 32, contentType: 'image/png' });
    const fallen = await model.render({ ...imageRequest, prompt: await passed('please FAIL now') });
    expect(fallen).toMatchObject({ engine: 'poster', width: 256, height: 256 });
    expect(recordedPrompts.slice(-2)).toEqual(['a brand-safe lake', 'please FAIL now']);
  });
});

describe('createCensorModel', () => {
  test('lexicon is the embedded engine', async () => {
    const model = createCensorModel('lexicon', deps());
    await expect(model.censor({ brief })).resolves.toMatchObject({ engine: 'lexicon' });
  });

  test('openai through OPENAI_BASE_URL, with the lexicon behind it', async () => {
    let failing = false;
    const { server, baseURL } = await startFakeOpenAI({
      chat: () =>
        failing ? { status: 500, body: openAIErrorBody('down') } : { body: chatCompletionBody(modelRewrite) },
    });
    servers.push(server);
    const model = createCensorModel(
      'openai',
      deps({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: baseURL, OPENAI_CENSOR_MODEL: 'ft:gpt-4o-mini:acme::c' }),
    );
    expect(model.name).toBe('openai');
    await expect(model.censor({ brief })).resolves.toMatchObject({ engine: 'openai', censored: modelRewrite });
    expect(server.requests[0]?.json).toMatchObject({ model: 'ft:gpt-4o-mini:acme::c', temperature: 0 });
    failing = true;
    await expect(model.censor({ brief })).resolves.toMatchObject({
      engine: 'lexicon',
      censored: 'a knight with a letter opener in a village',
    });
  });

  test('huggingface by model id, through the fetch the deps hand in', async () => {
    const fake = await startFakeHuggingFace({ completion: ` ${modelRewrite} 0932 11` });
    servers.push(fake.server);
    const model = createCensorModel(
      'huggingface',
      deps({ HF_TOKEN: 'hf_x', HF_CENSOR_MODEL: 'acme/falcon-engines-test', CENSOR_TEMPERATURE: '0.2' }, fake.fetch),
    );
    await expect(model.censor({ brief })).resolves.toMatchObject({ engine: 'huggingface', censored: modelRewrite });
    expect(fake.server.requests.at(-1)).toMatchObject({
      path: '/router/hf-inference/models/acme/falcon-engines-test/v1/completions',
      json: { temperature: 0.2 },
    });
  });
});

describe('createImageModel', () => {
  test('poster is the embedded engine', async () => {
    await expect(createImageModel('poster', deps()).render(imageRequest)).resolves.toMatchObject({ engine: 'poster' });
  });

  test('replicate through REPLICATE_BASE_URL with REPLICATE_IMAGE_INPUT, the poster behind it', async () => {
    const png = await createCanvas(16, 16).encode('png');
    const { server, baseUrl } = await startFakeReplicate({ image: png });
    servers.push(server);
    const env = {
      REPLICATE_API_TOKEN: 'r8_x',
      REPLICATE_BASE_URL: baseUrl,
      REPLICATE_IMAGE_MODEL: 'stability-ai/sdxl',
      REPLICATE_IMAGE_INPUT: '{"num_inference_steps": 20}',
    };
    const model = createImageModel('replicate', deps(env));
    await expect(model.render(imageRequest)).resolves.toMatchObject({ engine: 'replicate', width: 16 });
    expect(server.requests[0]).toMatchObject({
      path: '/v1/models/stability-ai/sdxl/predictions',
      json: { input: { num_inference_steps: 20, seed: 1 } },
    });
    server.route('GET', /^\/files\//, () => ({ headers: { 'content-type': 'text/html' }, body: '<html>' }));
    await expect(model.render(imageRequest)).resolves.toMatchObject({ engine: 'poster' });
  });

  test('openai images and huggingface images are built from the config', async () => {
    const png = await createCanvas(8, 8).encode('png');
    const openai = await startFakeOpenAI({ image: png });
    const hf = await startFakeHuggingFace({ image: png });
    servers.push(openai.server, hf.server);
    const env = {
      OPENAI_API_KEY: 'sk-x',
      OPENAI_BASE_URL: openai.baseURL,
      OPENAI_IMAGE_SIZE: '1536x1024',
      HF_TOKEN: 'hf_x',
      HF_IMAGE_ENDPOINT_URL: hf.endpointUrl('sdxl'),
    };
    await expect(createImageModel('openai', deps(env)).render(imageRequest)).resolves.toMatchObject({
      engine: 'openai',
    });
    expect(openai.server.requests[0]?.json).toMatchObject({ model: 'gpt-image-1', size: '1536x1024' });
    await expect(createImageModel('huggingface', deps(env)).render(imageRequest)).resolves.toMatchObject({
      engine: 'huggingface',
    });
    expect(hf.server.requests[0]?.path).toBe('/endpoints/sdxl');
  });
});
