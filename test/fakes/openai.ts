import { type Handler, LoopbackServer, type RecordedRequest, type Reply } from './http.js';

/**
 * A loopback fake of the OpenAI API's chat completions and image generations, spoken over real HTTP so the real
 * `openai` SDK is exercised. Composable: other routes (fine-tuning, files) can be added to the same server.
 */

/** A chat completion body as the API answers it. */
export function chatCompletionBody(content: string | null, options: { model?: string; finishReason?: string } = {}) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: options.model ?? 'gpt-4o-mini',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null },
        finish_reason: options.finishReason ?? 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  };
}

/** An image generation body: base64 bytes, or a URL to fetch them from. */
export function imageGenerationBody(image: { b64?: Buffer; url?: string }) {
  return {
    created: 1_700_000_000,
    data: [image.b64 ? { b64_json: image.b64.toString('base64') } : { url: image.url }],
  };
}

/** The body of an OpenAI error, as the SDK parses it. */
export function openAIErrorBody(message: string, type = 'server_error') {
  return { error: { message, type, param: null, code: null } };
}

export interface FakeOpenAIOptions {
  /** The censor's answer: assistant content, or a handler that decides per request. Default: the brief unchanged. */
  chat?: string | Handler;
  /** The image answer: PNG (or any) bytes returned as b64_json, or a handler. Default: a 404. */
  image?: Buffer | Handler;
}

/** The brief a chat request carried (its last user message). */
export function userMessageOf(request: RecordedRequest): string {
  const messages = (request.json as { messages?: Array<{ role: string; content: string }> })?.messages ?? [];
  return messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
}

/** Adds `POST /v1/chat/completions` and `POST /v1/images/generations` to a loopback server. */
export function addOpenAIChatAndImageRoutes(server: LoopbackServer, options: FakeOpenAIOptions = {}): LoopbackServer {
  const chat = options.chat;
  server.route('POST', '/v1/chat/completions', (request): Reply | Promise<Reply> => {
    if (typeof chat === 'function') return chat(request);
    const model = (request.json as { model?: string })?.model;
    return { body: chatCompletionBody(chat ?? userMessageOf(request), model ? { model } : {}) };
  });
  const image = options.image;
  server.route('POST', '/v1/images/generations', (request): Reply | Promise<Reply> => {
    if (typeof image === 'function') return image(request);
    if (!image) return { status: 404, body: openAIErrorBody('no fake image configured', 'invalid_request_error') };
    return { body: imageGenerationBody({ b64: image }) };
  });
  return server;
}

/** A started fake OpenAI server; `baseURL` is what the SDK takes. */
export async function startFakeOpenAI(
  options: FakeOpenAIOptions = {},
): Promise<{ server: LoopbackServer; baseURL: string }> {
  const server = addOpenAIChatAndImageRoutes(new LoopbackServer(), options);
  const url = await server.start();
  return { server, baseURL: `${url}/v1` };
}
