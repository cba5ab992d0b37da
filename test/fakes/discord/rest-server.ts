import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { DiscordApiError, nestErrors } from './errors.js';
import { flatHeaders, queryObject, type Reply, readBody, send } from './http-util.js';
import { parseBody } from './multipart.js';
import {
  type FaultInjector,
  faultResponse,
  type LimitConfig,
  type RateLimiter,
  rateLimitHeaders,
  tooManyRequests,
} from './rate-limits.js';
import type { Route, RouteContext, Router } from './router.js';
import { type DiscordRequestValidator, issuesToFieldErrors, type ValidationOutcome } from './validator.js';

/** A REST request as the fake received it. */
export interface RecordedRequest {
  /** When the request arrived, before the fake decoded or validated it. */
  at: Date;
  method: string;
  /** Path after `/api/v10`, percent-decoded (`/webhooks/1/abc/messages/@original`). */
  path: string;
  /** `METHOD /template` of the fake route that served it, or null when none matched. */
  route: string | null;
  operationId: string | null;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  files: { field: string; filename: string; contentType: string; size: number }[];
  /** The status the fake answered with (0 until answered). */
  status: number;
}

/** A request the fake could not vouch for: invalid against the spec, unknown route, missing auth. */
export interface InvalidRequest {
  method: string;
  path: string;
  operationId: string | null;
  problems: string[];
  body: unknown;
}

export interface FakeStats {
  requests: number;
  /** Requests per `METHOD /template` (unmatched ones under `METHOD (unknown route)`). */
  byRoute: Record<string, number>;
  /** 429s from the fake's own rate limits (not injected faults). */
  rateLimited: number;
  faultsInjected: number;
  invalid: number;
}

export interface RestLimits {
  edit: LimitConfig | null;
  create: LimitConfig | null;
  route: LimitConfig;
}

/** A request Discord carries out at once but answers late (a slow network, a lost answer, a crash meanwhile). */
export interface LateAnswer {
  match: (request: RecordedRequest) => boolean;
  delayMs: number;
  /** How many matching requests (default 1). */
  left: number;
}

export interface RestServerDeps {
  router: Router;
  /** Answers to hold back once the request has been carried out; each matching request takes one. */
  lateAnswers?: LateAnswer[];
  validator: () => Promise<DiscordRequestValidator>;
  limiter: RateLimiter;
  faults: FaultInjector;
  limits: RestLimits;
  token: string | undefined;
  stats: FakeStats;
  requests: RecordedRequest[];
  invalid: InvalidRequest[];
  attachment: (path: string) => { bytes: Buffer; contentType: string } | undefined;
  /** When given, every 2xx JSON answer of the fake is checked against the spec and problems land here. */
  responseProblems: ResponseProblem[] | undefined;
}

/** A response of the fake that does not match the spec's response schema (a realism bug in the fake). */
export interface ResponseProblem {
  method: string;
  path: string;
  status: number;
  problems: string[];
}

/** The HTTP side of the fake: decode, record, validate, authenticate, inject faults, rate-limit, route, answer. */
export class RestServer {
  constructor(private readonly deps: RestServerDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // When the request reached Discord: a latency measured from here leaves out the fake's own decoding and
    // validation, which a burst of requests would otherwise queue behind each other.
    const receivedAt = new Date();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/attachments/')) return this.serveAttachment(url.pathname, res);
    const raw = await readBody(req);
    if (!url.pathname.startsWith('/api/v10/')) {
      // e.g. a client configured for another API version: nothing the fake (or this bot) should do.
      const problems = [`${url.pathname} is not under /api/v10`];
      this.deps.invalid.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        operationId: null,
        problems,
        body: undefined,
      });
      this.deps.stats.invalid++;
      send(res, { status: 404, body: { message: '404: Not Found', code: 0 } });
      return;
    }
    const reply = await this.answer(req, url, raw, receivedAt);
    send(res, reply);
  }

  private async answer(req: IncomingMessage, url: URL, raw: Buffer | undefined, receivedAt: Date): Promise<Reply> {
    const { deps } = this;
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.slice('/api/v10'.length).split('/').map(decodeURIComponent).join('/');
    const matched = deps.router.match(method, path);
    const routeName = matched ? `${method} ${matched.route.template}` : null;
    const parsed = raw
      ? await parseBody(req.headers['content-type'], raw)
      : { json: undefined, files: [], problems: [] };
    const validator = await deps.validator();
    const validation = validator.validate({
      method,
      path,
      query: queryObject(url.searchParams),
      headers: {
        ...flatHeaders(req.headers),
        ...(parsed.json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: parsed.json,
    });
    const recorded: RecordedRequest = {
      at: receivedAt,
      method,
      path,
      route: routeName,
      operationId: validation.operationId,
      query: url.searchParams,
      headers: req.headers,
      body: parsed.json,
      files: parsed.files.map(({ field, filename, contentType, bytes }) => ({
        field,
        filename,
        contentType,
        size: bytes.length,
      })),
      status: 0,
    };
    deps.requests.push(recorded);
    deps.stats.requests++;
    const statKey = routeName ?? `${method} (unknown route)`;
    deps.stats.byRoute[statKey] = (deps.stats.byRoute[statKey] ?? 0) + 1;

    const reply = await this.decide(method, path, matched, validation, parsed, url.searchParams, req.headers);
    recorded.status = reply.status;
    const late = deps.lateAnswers?.find((l) => l.left > 0 && l.match(recorded));
    if (late) {
      late.left--;
      // Unref'd: a client that crashed meanwhile never collects it, and the fake must still be able to stop.
      await new Promise((resolve) => setTimeout(resolve, late.delayMs).unref());
    }
    if (deps.responseProblems && matched && reply.status < 300 && reply.body !== undefined) {
      const issues = validator.validateResponse(method, path, reply.status, reply.body);
      if (issues.length > 0) {
        const problems = issues.map((issue) => `${issue.where || '/'} ${issue.message}`);
        deps.responseProblems.push({ method, path, status: reply.status, problems });
      }
    }
    return reply;
  }

  private async decide(
    method: string,
    path: string,
    matched: { route: Route; params: Record<string, string> } | undefined,
    validation: ValidationOutcome,
    parsed: Awaited<ReturnType<typeof parseBody>>,
    query: URLSearchParams,
    headers: IncomingHttpHeaders,
  ): Promise<Reply> {
    const { deps } = this;
    const context: RouteContext = {
      params: matched?.params ?? {},
      query,
      body: parsed.json,
      files: parsed.files,
      route: `${method} ${matched?.route.template ?? path}`,
    };
    const bucket = this.bucketFor(matched?.route, context);
    // Refused requests still carry the bucket's headers, as Discord's do; they do not use up the bucket here.
    const reject = (problems: string[], reply: Reply): Reply => {
      deps.invalid.push({ method, path, operationId: validation.operationId, problems, body: parsed.json });
      deps.stats.invalid++;
      return { ...reply, headers: rateLimitHeaders(deps.limiter.peek(bucket.key, bucket.name, bucket.config)) };
    };
    if (!matched) {
      const why = validation.operationId ? `the fake does not implement ${validation.operationId}` : 'not in the spec';
      return reject([`no route for ${method} ${path} (${why})`], {
        status: 404,
        body: { message: '404: Not Found', code: 0 },
      });
    }
    if (validation.requiresAuth && !this.authorized(headers.authorization)) {
      return reject(['missing or wrong Authorization: Bot <token>'], {
        status: 401,
        body: { message: '401: Unauthorized', code: 0 },
      });
    }
    if (!validation.valid || parsed.problems.length > 0) {
      const fieldErrors = [
        ...issuesToFieldErrors(validation.issues),
        ...parsed.problems.map((message) => ({ field: '', code: 'BASE_TYPE_INVALID', message })),
      ];
      const problems = [
        ...validation.issues.map((issue) => `${issue.where || '/'} ${issue.message}`),
        ...parsed.problems,
      ];
      return reject(problems, {
        status: 400,
        body: { code: 50035, message: 'Invalid Form Body', errors: nestErrors(fieldErrors) },
      });
    }
    const fault = deps.faults.take(method, path);
    if (fault) {
      deps.stats.faultsInjected++;
      return faultResponse(fault, deps.limiter.peek(bucket.key, bucket.name, bucket.config));
    }
    const state = deps.limiter.hit(bucket.key, bucket.name, bucket.config);
    if (!state.allowed) {
      deps.stats.rateLimited++;
      const limited = tooManyRequests(state.resetAt - Date.now(), 'user');
      return { ...limited, headers: { ...rateLimitHeaders(state), ...limited.headers } };
    }
    const limitHeaders = rateLimitHeaders(state);
    try {
      const result = await matched.route.handle(context);
      return {
        status: result.status ?? (result.body === undefined ? 204 : 200),
        body: result.body,
        headers: limitHeaders,
      };
    } catch (error) {
      if (error instanceof DiscordApiError) return { status: error.status, body: error.body, headers: limitHeaders };
      // A crash in the fake is a bug in the fake: answer 500 and make assertAllRequestsValid say so.
      return reject([`fake crashed: ${(error as Error).stack ?? String(error)}`], {
        status: 500,
        body: { message: '500: Internal Server Error', code: 0 },
      });
    }
  }

  /** Channel message writes count per channel (edits and creates apart); everything else per route and major parameter. */
  private bucketFor(
    route: Route | undefined,
    context: RouteContext,
  ): { key: string; name: string; config: LimitConfig } {
    const { limits } = this.deps;
    const write = route?.messageWrite?.(context);
    const config = write ? limits[write.kind] : null;
    if (write && config)
      return { key: `message-${write.kind}:${write.channelId}`, name: `message-${write.kind}`, config };
    // A webhook's major parameter is its id and token (Discord's docs): each interaction has its own bucket.
    const webhook = context.params.webhook_id && `${context.params.webhook_id}/${context.params.webhook_token ?? ''}`;
    // Interaction callbacks are limited per interaction, never across them.
    const major =
      context.params.channel_id ?? context.params.guild_id ?? webhook ?? context.params.interaction_id ?? '';
    return { key: `${context.route}:${major}`, name: context.route, config: limits.route };
  }

  private authorized(header: string | undefined): boolean {
    const match = /^Bot (.+)$/.exec(header ?? '');
    return !!match && (this.deps.token === undefined || match[1] === this.deps.token);
  }

  private serveAttachment(path: string, res: ServerResponse): void {
    const found = this.deps.attachment(path);
    if (!found) {
      send(res, { status: 404, body: { message: '404: Not Found', code: 0 } });
      return;
    }
    res.writeHead(200, { 'content-type': found.contentType, 'content-length': found.bytes.length });
    res.end(found.bytes);
  }
}
