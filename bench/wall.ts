import { pathToFileURL } from 'node:url';
import { abortableSleep } from '../src/discord/presenter.js';
import {
  finaleIn,
  GUILD,
  replyText,
  runSubcommand,
  type Show,
  startShow,
  submitBrief,
  threadOf,
  untilStatus,
} from '../test/e2e/harness.js';
import { CHROMIUM, openBrowser, tapEvents } from '../test/wall/browser.js';

/** The exhibition wall under an audience of projectors: frame-to-DOM latency, and whether acts slow down. */
export interface WallBench {
  walls: number;
  frames: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * Seconds from /brief to the finale in Discord, median over the acts: with no wall open, with `walls` event
   * streams open (the server's own cost), and with `walls` browsers rendering on this same machine.
   */
  actSecondsAlone: number;
  actSecondsStreams: number;
  actSecondsWatched: number;
}

const PACE = 0.5;
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
};

async function actSeconds(show: Show, acts: number, first: number): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < acts; i++) {
    const started = Date.now();
    await submitBrief(show, 'a knight with a bloody sword storming a protest at a shitty motel');
    await finaleIn(show, (await threadOf(show, first + i, 60_000)).id, 60_000);
    seconds.push((Date.now() - started) / 1000);
    await untilStatus(show, first + i + 1, 'done');
  }
  return seconds;
}

export async function benchWall(walls = 50, acts = 3): Promise<WallBench | undefined> {
  if (!CHROMIUM) return undefined;
  // Frames at the real (halved) pace and Discord's real per-channel limits, as in a show.
  const show = await startShow({
    realRateLimits: true,
    sleep: abortableSleep,
    actTimeoutMs: 120_000,
    env: { WALL_PORT: '0' },
  });
  const browser = await openBrowser();
  try {
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0, maxQueuedPerUser: 50, pace: 0 });
    // A warm-up act compiles the fake's schemas and the poster's fonts before anything is timed.
    await actSeconds(show, 1, 0);
    await show.store.guilds.update(GUILD, { pace: PACE });
    const alone = await actSeconds(show, acts, 1);

    const link = /Projector[^<]*<([^>]+)>/.exec(replyText(await runSubcommand(show, 'stage', 'wall')))?.[1] ?? '';
    const url = new URL(link);
    const taps = Array.from({ length: walls }, () => tapEvents(`${url.origin}${url.pathname}/events${url.search}`));
    const streams = await actSeconds(show, acts, 1 + acts);
    if (taps.some((tap) => !tap.text().includes('"kind":"finale"'))) throw new Error('an event stream missed a finale');
    for (const tap of taps) tap.stop();
    const pages = [];
    for (let i = 0; i < walls; i++) {
      // One context per wall, as one projector per browser: a browser shares six connections per host among its tabs.
      const page = await (await browser.newContext()).newPage();
      await page.goto(link);
      pages.push(page);
    }
    const watched = await actSeconds(show, acts, 1 + 2 * acts);
    const latencies = (
      await Promise.all(
        pages.map((page) =>
          page.evaluate(
            () => (globalThis as unknown as { wallStats: { frameLatencies: number[] } }).wallStats.frameLatencies,
          ),
        ),
      )
    ).flat();
    return {
      walls,
      frames: latencies.length,
      p50Ms: quantile(latencies, 0.5),
      p99Ms: quantile(latencies, 0.99),
      actSecondsAlone: Math.round(quantile(alone, 0.5) * 100) / 100,
      actSecondsStreams: Math.round(quantile(streams, 0.5) * 100) / 100,
      actSecondsWatched: Math.round(quantile(watched, 0.5) * 100) / 100,
    };
  } finally {
    await browser.close();
    await show.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await benchWall());
}
