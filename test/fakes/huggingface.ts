import { type Handler, LoopbackServer, type Reply } from './http.js';

/**
 * A loopback fake of the Hugging Face Hub (a model's provider mapping), the Inference Providers router
 * (hf-inference completions and text-to-image, the chat auto-router) and dedicated Inference Endpoints, so the
 * real `@huggingface/inference` client is exercised. The client has no base-URL option for the Hub and the
 * router; {@link redirectHubFetch} is the `fetch` it is given, which sends those hosts to this server.
 */

export const HUB_PREFIX = '/hub';
export const ROUTER_PREFIX = '/router';
export const ENDPOINT_PREFIX = '/endpoints';

/** A `fetch` that sends huggingface.co to `${fakeUrl}/hub` and router.huggingface.co to `${fakeUrl}/router`. */
export function redirectHubFetch(fakeUrl: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const redirected = url
      .replace(/^https:\/\/router\.huggingface\.co/, `${fakeUrl}${ROUTER_PREFIX}`)
      .replace(/^https:\/\/huggingface\.co/, `${fakeUrl}${HUB_PREFIX}`);
    return fetch(redirected, init);
  };
}

/** A completions answer of a text-generation server (TGI, vLLM, hf-inference). */
export function completionBody(text: string) {
  return { id: 'cmpl-fake', object: 'text_completion', choices: [{ index: 0, text, finish_reason: 'stop' }] };
}

/** A chat completions answer. */
export function hfChatBody(content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

export interface FakeHuggingFaceOptions {
  /** The text-generation answer (generated text), or a handler. Default: " ok". */
  completion?: string | Handler;
  /** The chat answer (assistant content), or a handler. Default: "ok". */
  chat?: string | Handler;
  /** The text-to-image answer: image bytes sent as image/png, or a handler. Default: a 404. */
  image?: Buffer | Handler;
  /** The task the Hub reports for a model id; otherwise `defaultTask`. */
  tasks?: Record<string, string>;
  /** The task the Hub reports for other models; default `text-generation`. */
  defaultTask?: string;
}

const answer = (value: string | Handler | undefined, fallback: string, wrap: (text: string) => unknown): Handler => {
  if (typeof value === 'function') return value;
  return () => ({ body: wrap(value ?? fallback) });
};

/** Adds the Hub, router and endpoint routes to a loopback server. */
export function addHuggingFaceRoutes(server: LoopbackServer, options: FakeHuggingFaceOptions = {}): LoopbackServer {
  const completion = answer(options.completion, ' ok', completionBody);
  const chat = answer(options.chat, 'ok', hfChatBody);
  const image: Handler =
    typeof options.image === 'function'
      ? options.image
      : (): Reply =>
          options.image
            ? { headers: { 'content-type': 'image/png' }, body: options.image as Buffer }
            : { status: 404, body: { error: 'no fake image configured' } };

  server.route('GET', new RegExp(`^${HUB_PREFIX}/api/models/[^/]+/[^/]+$`), (request) => {
    const model = request.path.slice(`${HUB_PREFIX}/api/models/`.length);
    const task = options.tasks?.[model] ?? options.defaultTask ?? 'text-generation';
    return {
      body: { id: model, inferenceProviderMapping: { 'hf-inference': { providerId: model, status: 'live', task } } },
    };
  });
  server.route('POST', new RegExp(`^${ROUTER_PREFIX}/hf-inference/models/[^/]+/[^/]+/v1/completions$`), completion);
  server.route('POST', new RegExp(`^${ROUTER_PREFIX}/hf-inference/models/[^/]+/[^/]+$`), image);
  server.route('POST', `${ROUTER_PREFIX}/v1/chat/completions`, chat);
  server.route('POST', new RegExp(`^${ENDPOINT_PREFIX}/[^/]+/v1/completions$`), completion);
  server.route('POST', new RegExp(`^${ENDPOINT_PREFIX}/[^/]+/v1/chat/completions$`), chat);
  server.route('POST', new RegExp(`^${ENDPOINT_PREFIX}/[^/]+$`), image);
  return server;
}

/** A started fake; `fetch` reaches it for Hub and router URLs, `endpointUrl(name)` is a dedicated endpoint on it. */
export async function startFakeHuggingFace(options: FakeHuggingFaceOptions = {}) {
  const server = addHuggingFaceRoutes(new LoopbackServer(), options);
  const url = await server.start();
  return {
    server,
    fetch: redirectHubFetch(url),
    endpointUrl: (name: string) => `${url}${ENDPOINT_PREFIX}/${name}`,
  };
}
