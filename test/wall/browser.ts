import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
  close(): Promise<void>;
}

/** A browser with a fresh profile at 1920×1080, the projector's size. */
export async function openBrowser(): Promise<Browser> {
  const profile = await mkdtemp(path.join(tmpdir(), 'ct-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 1920, height: 1080 },
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
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
