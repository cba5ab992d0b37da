import { execFileSync } from 'node:child_process';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's chromium, driven by playwright-core (`npx playwright install` cannot download here). `.ci/run` installs
 * it and sets REQUIRE_CHROMIUM=1, so in CI a missing browser fails the suite instead of skipping it.
 */
function findChromium(): string | undefined {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const CHROMIUM = findChromium();
if (!CHROMIUM && process.env.REQUIRE_CHROMIUM === '1')
  throw new Error('REQUIRE_CHROMIUM=1 but chromium is not installed');
if (!CHROMIUM)
  process.stdout.write('wall browser tests skipped: chromium is not installed (apt-get install chromium)\n');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Browser {
  context: BrowserContext;
  /** Another visitor: a context of its own, with its own connections (a browser opens six at most per host). */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

const VIEWPORT = { width: 1920, height: 1080 };

/**
 * A browser at 1920×1080, the projector's size. Playwright gives each launch a fresh temporary `--user-data-dir` of
 * its own (and refuses one passed in args), so no profile survives between runs.
 */
export async function openBrowser(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const context = await browser.newContext({ viewport: VIEWPORT });
  return {
    context,
    newContext: () => browser.newContext({ viewport: VIEWPORT }),
    close: () => browser.close(),
  };
}

/** Reads a Server-Sent Events stream as raw text until stopped: what any listener on the wire could see. */
export function tapEvents(url: string): { text(): string; stop(): void } {
  const controller = new AbortController();
  let text = '';
  let failure: unknown;
  void (async () => {
    try {
      const response = await fetch(url, { signal: controller.signal });
      const decoder = new TextDecoder();
      for await (const chunk of response.body ?? []) text += decoder.decode(chunk as Uint8Array, { stream: true });
    } catch (err) {
      // Stopped by the test, or the server closed at the end of the show: the text so far is what was sent.
      if (!controller.signal.aborted) failure = err;
    }
  })();
  return {
    text: () => {
      if (failure && !text) throw failure;
      return text;
    },
    stop: () => controller.abort(),
  };
}
