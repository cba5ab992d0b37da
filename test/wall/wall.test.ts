import { createServer } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../../src/config.js';
import { abortableSleep } from '../../src/discord/presenter.js';
import {
  click,
  finaleIn,
  GUILD,
  OTHER,
  replyText,
  runSubcommand,
  type Show,
  submitBrief,
  threadOf,
  untilStatus,
  useShows,
} from '../e2e/harness.js';
import { type Browser, CHROMIUM, openBrowser, tapEvents } from './browser.js';

/** Frames held long enough for a browser to show each one (the real pace is seconds; tests need not wait that long). */
const paced =
  (stepMs: number) =>
  (_ms: number, signal: AbortSignal): Promise<void> =>
    abortableSleep(stepMs, signal);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const BLACKOUT = /whore|shitty/i;
const BRIEF = 'a knight with a bloody sword storming a protest at a shitty motel';
const SCREENSHOTS = process.env.WALL_SCREENSHOTS === '1' ? path.join(REPO_ROOT, 'docs') : undefined;

/** Records every stage the wall's badge shows, in order, from the moment the page starts. */
/** The browser globals the page-side checks read (this project's types describe Node, not the DOM). */
interface PageGlobals {
  seenStages: string[];
  pwned?: number;
  document: {
    getElementById(id: string): { textContent: string | null; naturalWidth?: number } | null;
    documentElement: { outerHTML: string };
  };
}

// Injected before the page's own scripts; the page's policy forbids string evaluation, so only this and functions run.
function recordStages(page: Page) {
  return page.addInitScript({
    content: `window.seenStages = [];
      new MutationObserver(() => {
        const stage = document.getElementById('stage-badge')?.dataset.stage ?? '';
        if (stage && window.seenStages.at(-1) !== stage) window.seenStages.push(stage);
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-stage'] });`,
  });
}

async function links(show: Show): Promise<{ wall: string; obs: string; gallery: string }> {
  const text = replyText(await runSubcommand(show, 'stage', 'wall'));
  const find = (label: string) => new RegExp(`${label}[^<]*<([^>]+)>`).exec(text)?.[1] ?? '';
  return { wall: find('Projector'), obs: find('OBS'), gallery: find('Gallery') };
}

describe.skipIf(!CHROMIUM)('the exhibition wall in a real browser', () => {
  const launch = useShows();
  let browser: Browser;

  beforeAll(async () => {
    browser = await openBrowser();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  test('an act plays on the wall frame by frame, a Discord vote moves its tally, the gallery and print show it', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const show = await launch({
      sleep: paced(SCREENSHOTS ? 700 : 250),
      env: { WALL_PORT: String(port), WALL_PUBLIC_URL: base, WALL_INVITE_URL: 'https://discord.gg/compliance-theatre' },
    });
    await show.store.guilds.update(GUILD, { cooldownSeconds: 0 });
    const link = await links(show);
    expect(link.wall.startsWith(`${base}/wall/${GUILD}?key=`)).toBe(true);

    const page = await browser.context.newPage();
    await recordStages(page);
    await page.goto(link.wall);
    await page.waitForSelector('#wall[data-mode="idle"]');
    const stream = tapEvents(`${base}/wall/${GUILD}/events?key=${new URL(link.wall).searchParams.get('key')}`);

    await submitBrief(show, BRIEF);
    // Mid-act: the second term has just been replaced.
    await page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).seenStages.filter((s) => s === 'replacing').length >= 2,
      null,
      { timeout: 15_000 },
    );
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-live.png') });
    await page.waitForSelector('#wall[data-mode="finale"]', { timeout: 15_000 });

    // The frames the Discord thread was edited through, in the same order on the wall.
    const thread = await threadOf(show);
    const finale = await finaleIn(show, thread.id);
    const seen = await page.evaluate(() => (globalThis as unknown as PageGlobals).seenStages);
    expect(seen).toEqual([
      'idle',
      'received',
      'scanning',
      'marking',
      'replacing',
      'marking',
      'replacing',
      'marking',
      'replacing',
      'marking',
      'replacing',
      'approved',
    ]);
    expect(await page.locator('#citations li').count()).toBe(4);
    expect(await page.locator('#brief del').allTextContents()).toEqual(['bloody', 'sword', 'a protest']);
    expect(await page.locator('#brief .blackout').count()).toBe(1);
    expect(await page.locator('#prompt').textContent()).toContain('ceremonial letter opener');
    await page.waitForFunction(
      () => ((globalThis as unknown as PageGlobals).document.getElementById('poster-img')?.naturalWidth ?? 0) > 0,
    );

    // A vote clicked in Discord reaches the wall within a second.
    const moved = page.waitForFunction(
      () => (globalThis as unknown as PageGlobals).document.getElementById('tally-original')?.textContent === '1',
      null,
      { timeout: 1000 },
    );
    await click(show, { threadId: thread.id, messageId: finale.id, customId: `vote:${GUILD}-1:original` }, OTHER);
    await moved;
    await untilStatus(show, 1, 'done');
    if (SCREENSHOTS) await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-finale.png') });

    // No blackout term anywhere: the DOM, the text, the alt texts, the event stream.
    const dom = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.outerHTML);
    expect(dom).not.toMatch(BLACKOUT);
    expect(await page.locator('#poster-img').getAttribute('alt')).toContain('ceremonial letter opener');
    stream.stop();
    expect(stream.text()).toContain('"kind":"frame"');
    expect(stream.text()).not.toMatch(BLACKOUT);

    // The finale in Discord links to the performance's own page.
    const field = finale.versions[0]?.embeds[0]?.fields?.find((f) => f.name === 'In the gallery');
    const pageUrl = /\((http[^)]+)\)/.exec(field?.value ?? '')?.[1] ?? '';
    expect(pageUrl.startsWith(`${base}/gallery/${GUILD}/1?key=`)).toBe(true);
    await page.goto(pageUrl);
    expect(await page.locator('.original del').allTextContents()).toEqual(['bloody', 'sword', 'a protest']);
    expect(await page.locator('main').textContent()).toContain('Original 1 · Censored 0');

    await page.goto(link.gallery);
    expect(await page.locator('.card').count()).toBe(1);
    const galleryOf = (n: number) => page.locator(`.card:nth-child(${n}) .prompt`).textContent();
    expect(await page.locator('.card .prompt').textContent()).toContain('ceremonial letter opener');
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.outerHTML),
    ).not.toMatch(BLACKOUT);
    expect(await galleryOf(1)).toContain('ceremonial letter opener');
    if (SCREENSHOTS) {
      // A gallery worth looking at holds a few performances.
      for (const [i, brief] of [
        'a union meeting in a smoky bar, workers on strike',
        'a pirate stabbing a sailor at sunset',
      ].entries()) {
        await submitBrief(show, brief);
        await untilStatus(show, i + 2, 'done');
      }
      await page.goto(link.gallery);
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { document: { images: ArrayLike<{ naturalWidth: number }> } }).document.images
            .length === 3 &&
          Array.from(
            (globalThis as unknown as { document: { images: ArrayLike<{ naturalWidth: number }> } }).document.images,
          ).every((i) => i.naturalWidth > 0),
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-gallery.png') });
      await page.goto(pageUrl);
    }

    if (!SCREENSHOTS) await page.goto(pageUrl);
    const printLink = await page.locator('a.print').getAttribute('href');
    const print = await fetch(new URL(printLink ?? '', base));
    expect(print.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await print.arrayBuffer());
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([3508, 4961]);
    expect(png.subarray(37, 41).toString('latin1')).toBe('pHYs');
    if (SCREENSHOTS) {
      // The print as it hangs on a wall: the A3 sheet on a dark ground, scaled to the screen (a blank page, free of
      // the wall's policy, so the presentation may style itself inline).
      await page.goto('about:blank');
      await page.setContent(
        `<body style="margin:0;height:100vh;display:flex;align-items:center;justify-content:center;background:#1b1d24">
          <img style="height:1020px;box-shadow:0 20px 60px #000" src="data:image/png;base64,${png.toString('base64')}"></body>`,
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, 'wall-print.png') });
    }
    await page.close();
  }, 120_000);

  test('a brief holding markup shows as text and runs nothing, on the wall and in the gallery; the OBS view is transparent and title-safe', async () => {
    const show = await launch({ sleep: paced(50), env: { WALL_PORT: '0' } });
    const link = await links(show);
    const page = await browser.context.newPage();
    await page.goto(link.wall);
    const brief = 'a cat <script>window.pwned=1</script> <img src=x onerror="window.pwned=2"> on a mat';
    await submitBrief(show, brief);
    await page.waitForSelector('#wall[data-mode="finale"]', { timeout: 15_000 });
    expect(await page.locator('#brief').textContent()).toContain('<script>window.pwned=1</script>');
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img').count()).toBe(1);
    await untilStatus(show, 1, 'done');
    await page.goto(link.gallery);
    expect(await page.locator('.card .original').textContent()).toContain('<img src=x onerror="window.pwned=2">');
    expect(await page.locator('img').count()).toBe(1);
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).pwned)).toBeUndefined();

    // The OBS browser source: nothing painted behind the panels, and everything inside the title-safe area.
    await page.goto(link.obs);
    await page.waitForSelector('#wall[data-mode="finale"]');
    const obs = await page.evaluate(() => {
      const { getComputedStyle, document } = globalThis as unknown as {
        getComputedStyle(e: unknown): {
          backgroundColor: string;
          backgroundImage: string;
          paddingLeft: string;
          paddingTop: string;
        };
        document: { body: unknown; getElementById(id: string): unknown };
      };
      const body = getComputedStyle(document.body);
      const wall = getComputedStyle(document.getElementById('wall'));
      return [body.backgroundColor, body.backgroundImage, wall.paddingLeft, wall.paddingTop];
    });
    expect(obs).toEqual(['rgba(0, 0, 0, 0)', 'none', '192px', '108px']);
    expect(await page.locator('.qr').count()).toBe(0);
    await page.close();
  }, 40_000);
});
