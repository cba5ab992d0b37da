import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP answer: a JSON object body, or a string sent as text. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

const MAX_BODY_BYTES = 30 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return size === 0 ? undefined : Buffer.concat(chunks);
}

export function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(reply.body !== undefined ? { 'content-type': isText ? 'text/plain' : 'application/json' } : {}),
    ...reply.headers,
  });
  res.end(payload);
}

export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return query;
}

export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (value !== undefined) flat[key] = String(value);
  return flat;
}
