import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as a loopback fake received it, kept for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as is. */
  body?: unknown;
  /** Wait this long before answering (timeouts are tested with it). */
  delayMs?: number;
}

export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

/**
 * A small HTTP server on 127.0.0.1 that answers from a route table and records every request. The fakes of
 * OpenAI, Hugging Face and Replicate are built on it, so the real SDKs talk real HTTP to it.
 */
export class LoopbackServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private server: Server | undefined;
  private readonly pending = new Set<NodeJS.Timeout>();

  /** Adds a route; later routes win over earlier ones, so a test can override a default answer. */
  route(method: string, pattern: RegExp | string, handler: Handler): this {
    const regex =
      typeof pattern === 'string' ? new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : pattern;
    this.routes.unshift({ method: method.toUpperCase(), pattern: regex, handler });
    return this;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('LoopbackServer is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Requests whose path matches, for assertions. */
  requestsTo(pattern: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => pattern.test(r.path));
  }

  async stop(): Promise<void> {
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json: parseJson(body),
    };
    this.requests.push(recorded);
    const route = this.routes.find((r) => r.method === recorded.method && r.pattern.test(recorded.path));
    let reply: Reply;
    try {
      reply = route
        ? await route.handler(recorded)
        : { status: 404, body: { error: `no fake route for ${recorded.method} ${recorded.path}` } };
    } catch (err) {
      reply = { status: 500, body: { error: String(err) } };
    }
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.pending.delete(timer);
          resolve();
        }, reply.delayMs);
        this.pending.add(timer);
      });
    }
    if (res.destroyed) return;
    const payload = reply.body;
    const isRaw = typeof payload === 'string' || Buffer.isBuffer(payload);
    res.writeHead(reply.status ?? 200, {
      'content-type': isRaw ? 'text/plain' : 'application/json',
      ...reply.headers,
    });
    res.end(payload === undefined ? '' : isRaw ? payload : JSON.stringify(payload));
  }
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
