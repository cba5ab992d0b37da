import { type Handler, LoopbackServer, type Reply } from './http.js';

/**
 * A loopback fake of Replicate's predictions API and its file delivery, so the real `replicate` SDK is exercised:
 * a prediction is created (by model or by version), polled until it ends, cancelled; its output URL points back
 * at this server's `/files/…`.
 */

export interface FakeReplicateOptions {
  /** The image served at the output URL; default: none (404). */
  image?: Buffer;
  /** Content type the image is served with. */
  imageContentType?: string;
  /** How many polls a prediction stays `processing` before it succeeds; 0 succeeds at creation. */
  pollsBeforeDone?: number;
  /** The prediction's output, from the server's URL; default: a list with one file URL. */
  output?: (baseUrl: string) => unknown;
  /** Answers creation instead of the default (errors, delays). */
  create?: Handler;
}

interface FakePrediction {
  id: string;
  polls: number;
  status: string;
  input: unknown;
}

/** Adds the predictions and files routes to a loopback server. */
export function addReplicateRoutes(server: LoopbackServer, options: FakeReplicateOptions = {}): LoopbackServer {
  const predictions = new Map<string, FakePrediction>();
  const body = (p: FakePrediction) => {
    const base = server.url;
    const done = p.status === 'succeeded';
    return {
      id: p.id,
      model: 'fake/model',
      version: 'hidden',
      input: p.input,
      status: p.status,
      output: done ? (options.output ?? ((b: string) => [`${b}/files/out.png`]))(base) : null,
      error: p.status === 'failed' ? 'the fake was told to fail' : null,
      logs: '',
      created_at: '2024-01-01T00:00:00Z',
      urls: { get: `${base}/v1/predictions/${p.id}`, cancel: `${base}/v1/predictions/${p.id}/cancel` },
    };
  };
  const create: Handler = (request): Reply => {
    const id = `p${predictions.size + 1}`;
    const ready = (options.pollsBeforeDone ?? 0) === 0;
    const prediction = {
      id,
      polls: 0,
      status: ready ? 'succeeded' : 'starting',
      input: (request.json as { input?: unknown })?.input,
    };
    predictions.set(id, prediction);
    return { status: 201, body: body(prediction) };
  };
  server.route('POST', /^\/v1\/models\/[^/]+\/[^/]+\/predictions$/, options.create ?? create);
  server.route('POST', '/v1/predictions', options.create ?? create);
  server.route('GET', /^\/v1\/predictions\/[^/]+$/, (request) => {
    const prediction = predictions.get(request.path.split('/').at(-1) ?? '');
    if (!prediction) return { status: 404, body: { detail: 'Not found.' } };
    if (prediction.status !== 'canceled' && prediction.status !== 'succeeded') {
      prediction.polls++;
      prediction.status = prediction.polls >= (options.pollsBeforeDone ?? 0) ? 'succeeded' : 'processing';
    }
    return { body: body(prediction) };
  });
  server.route('POST', /^\/v1\/predictions\/[^/]+\/cancel$/, (request) => {
    const prediction = predictions.get(request.path.split('/').at(-2) ?? '');
    if (!prediction) return { status: 404, body: { detail: 'Not found.' } };
    prediction.status = 'canceled';
    return { body: body(prediction) };
  });
  server.route('GET', /^\/files\/[^/]+$/, () =>
    options.image
      ? { headers: { 'content-type': options.imageContentType ?? 'image/png' }, body: options.image }
      : { status: 404, body: 'no such file' },
  );
  return server;
}

/** A started fake Replicate; `baseUrl` is what the SDK takes. */
export async function startFakeReplicate(options: FakeReplicateOptions = {}) {
  const server = addReplicateRoutes(new LoopbackServer(), options);
  const url = await server.start();
  return { server, baseUrl: `${url}/v1` };
}
