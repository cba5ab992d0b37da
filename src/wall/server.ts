import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Logger } from '../logger.js';
import type { Store } from '../services/store/index.js';
import type { Performance } from '../services/store/schemas.js';
import { assets } from './assets.js';
import type { WallFeed } from './feed.js';
import type { PosterCache } from './images.js';
import { keyMatches, performanceKey } from './links.js';
import { galleryPage, notFoundPage, performancePage } from './pages/gallery-page.js';
import { wallPage } from './pages/wall-page.js';
import type { WallMessage } from './state.js';

export interface WallServerOptions {
  store: Store;
  feed: WallFeed;
  posters: PosterCache;
  log: Logger;
  /** Draws a performance's redline document (PNG). */
  print(performance: Performance): Promise<Buffer>;
  /** Where the QR code on the wall leads: the Discord invite or channel. */
  inviteUrl?: string;
  /** How many past performances the idle loop and the gallery show. */
  recent?: number;
}

const GUILD_ID = /^[A-Za-z0-9_-]{1,28}$/;
const KEEPALIVE_MS = 15_000;
// Nothing but this server's own files runs or loads: a brief that slipped past escaping still could not execute.
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  // The key is in the address: never hand it to another site.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Robots-Tag': 'noindex, nofollow',
};

/** The wall's routes, all read-only. Every guild page needs the guild's key (or a performance's own key). */
export function createWallApp(options: WallServerOptions): Hono {
  const { store, feed } = options;
  const recent = options.recent ?? 12;
  const app = new Hono();

  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.text('The wall is read-only.', 405);
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  app.route('/assets', assets());

  /** The guild's key if it matches, "performance" for a performance's own key, else nothing. */
  const access = async (c: Context, performance?: Performance): Promise<'guild' | 'performance' | undefined> => {
    const guildId = c.req.param('guild') ?? '';
    if (!GUILD_ID.test(guildId)) return undefined;
    const { wallKey } = await store.guilds.get(guildId);
    const given = c.req.query('key');
    if (keyMatches(wallKey, given)) return 'guild';
    if (wallKey && performance && keyMatches(performanceKey(wallKey, performance.id), given)) return 'performance';
    return undefined;
  };
  const notFound = (c: Context) => c.html(notFoundPage(), 404);
  /** A finished performance; the poster also while the finale goes up, a moment before the record says done. */
  const shown = async (c: Context, alsoPerforming = false): Promise<Performance | undefined> => {
    const number = Number(c.req.param('number'));
    if (!Number.isInteger(number) || number < 1) return undefined;
    const performance = await store.performances.get(`${c.req.param('guild')}-${number}`);
    const ok = performance?.status === 'done' || (alsoPerforming && performance?.status === 'performing');
    return ok && performance.prompt ? performance : undefined;
  };
  const finished = async (guildId: string) =>
    (await store.performances.listByGuild(guildId, { statuses: ['done'] })).reverse();

  app.get('/', (c) => c.html(notFoundPage('Compliance Theatre — ask a moderator for your wall’s link (/stage wall).')));

  app.get('/wall/:guild', async (c) => {
    const guildId = c.req.param('guild');
    if (!(await access(c))) return notFound(c);
    const [state, past] = await Promise.all([feed.current(guildId), finished(guildId)]);
    const view = c.req.query('view') === 'obs' ? 'obs' : 'wall';
    return c.html(
      wallPage({
        state,
        recent: past.slice(0, recent),
        key: c.req.query('key') ?? '',
        view,
        inviteUrl: options.inviteUrl,
      }),
    );
  });

  app.get('/wall/:guild/events', async (c) => {
    const guildId = c.req.param('guild');
    if (!(await access(c))) return notFound(c);
    return streamSSE(c, async (stream) => {
      let sent = -1;
      const send = (message: WallMessage) => {
        if (message.state.seq <= sent) return;
        sent = message.state.seq;
        void stream.writeSSE({ event: 'state', id: String(sent), data: JSON.stringify(message) });
      };
      // Subscribed before reading, so nothing published in between is missed; the seq drops duplicates.
      const unsubscribe = feed.subscribe(guildId, send);
      const keepalive = setInterval(() => void stream.write(': keepalive\n\n'), KEEPALIVE_MS);
      try {
        const state = await feed.current(guildId);
        send({ guildId, kind: 'queue', at: Date.now(), state });
        await new Promise<void>((resolve) => stream.onAbort(resolve));
      } finally {
        clearInterval(keepalive);
        unsubscribe();
      }
    });
  });

  app.get('/gallery/:guild', async (c) => {
    if ((await access(c)) !== 'guild') return notFound(c);
    const past = await finished(c.req.param('guild'));
    const tallies = await Promise.all(past.map((p) => store.votes.tally(p.id)));
    return c.html(
      galleryPage({ guildId: c.req.param('guild'), performances: past, tallies, key: c.req.query('key') ?? '' }),
    );
  });

  app.get('/gallery/:guild/:number', async (c) => {
    const performance = await shown(c);
    if (!performance || !(await access(c, performance))) return notFound(c);
    const tally = await store.votes.tally(performance.id);
    return c.html(performancePage({ performance, tally, key: c.req.query('key') ?? '' }));
  });

  app.get('/gallery/:guild/:number/poster.png', async (c) => {
    const performance = await shown(c, true);
    if (!performance || !(await access(c, performance))) return notFound(c);
    const image = await options.posters.get(performance);
    if (!image) return c.text('This image stands in its Discord thread.', 404);
    return c.body(new Uint8Array(image.png), 200, {
      'Content-Type': image.contentType,
      'Cache-Control': 'private, max-age=3600',
    });
  });

  app.get('/gallery/:guild/:number/print.png', async (c) => {
    const performance = await shown(c);
    if (!performance || !(await access(c, performance))) return notFound(c);
    const png = await options.print(performance);
    const name = `redline-performance-${performance.number}.png`;
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `inline; filename="${name}"`,
    });
  });

  app.notFound(notFound);
  app.onError((err, c) => {
    options.log.error({ err, path: c.req.path }, 'wall: request failed');
    return c.text('The wall is momentarily out of order.', 500);
  });
  return app;
}

export interface WallServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the wall on host:port (port 0 picks a free one). */
export async function startWallServer(
  options: WallServerOptions & { host: string; port: number },
): Promise<WallServer> {
  const app = createWallApp(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  options.log.info({ url }, 'wall open');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        // Open event streams would hold the server open forever.
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
