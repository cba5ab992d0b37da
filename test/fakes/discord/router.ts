import type { UploadedFile } from './multipart.js';

/** What a route handler gets: path params, query, the JSON body (or multipart `payload_json`) and files. */
export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
  /** `METHOD /template`, e.g. `PATCH /channels/{channel_id}/messages/{message_id}`: names the write in histories. */
  route: string;
}

export interface RouteResult {
  /** Default 200 with a body, 204 without. */
  status?: number;
  body?: unknown;
}

/** Which per-channel message bucket a request counts against (Discord limits message writes per channel). */
export interface MessageWriteTarget {
  kind: 'create' | 'edit';
  channelId: string;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path after `/api/v10`, with `{name}` params, e.g. `/channels/{channel_id}/messages`. */
  template: string;
  handle(context: RouteContext): RouteResult | Promise<RouteResult>;
  messageWrite?(context: RouteContext): MessageWriteTarget | undefined;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

/** Matches decoded request paths to routes; earlier routes win, so list `@me`/`@original` before `{id}` routes. */
export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.template
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(param[1] as string);
          return '([^/]+)';
        })
        .join('/');
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const { route, pattern, names } of this.compiled) {
      if (route.method !== method) continue;
      const match = pattern.exec(path);
      if (!match) continue;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = match[index + 1] as string;
      });
      return { route, params };
    }
    return undefined;
  }
}
