import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { Lexicon, LexiconCensor, loadBuiltInLexiconEntries } from '../../../src/services/censor/lexicon/index.js';
import { lexiconKey } from '../../../src/services/censor/pipeline.js';
import type { CensorModel } from '../../../src/services/censor/types.js';
import { PosterModel } from '../../../src/services/imagery/poster/index.js';
import { censorAct } from '../../../src/services/show/act.js';
import { Director } from '../../../src/services/show/director.js';
import { Lanes } from '../../../src/services/show/lanes.js';
import { TerminalPresenter } from '../../../src/services/show/presenters/terminal.js';
import { openStore, type Store } from '../../../src/services/store/index.js';

const lexicon = new LexiconCensor({ lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()) });
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function get(store: Store, id: string) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return (await store.performances.get(id))?.status;
}

class QuietTerminal extends TerminalPresenter {
  override async finale() {
    return {};
  }
}

/** A director over a store that counts its writes and reads, with a censor that counts its passes. */
async function counted() {
  const store = await openStore('memory:', silentLogger());
  stores.push(store);
  const counts = { censor: 0, writes: 0, settingsReads: 0 };
  const update = store.performances.update.bind(store.performances);
  store.performances.update = ((...args: Parameters<typeof update>) => {
    counts.writes += 1;
    return update(...args);
  }) as typeof update;
  const get = store.guilds.get.bind(store.guilds);
  store.guilds.get = (guildId: string) => {
    counts.settingsReads += 1;
    return get(guildId);
  };
  const censor: CensorModel = {
    name: 'lexicon',
    censor: (request) => {
      counts.censor += 1;
      return lexicon.censor(request);
    },
  };
  const out = new PassThrough();
  out.resume();
  const lanes = new Lanes({ log: silentLogger(), actTimeoutMs: 10_000 });
  const director = new Director({
    store,
    lanes,
    log: silentLogger(),
    defaults: { censorEngine: 'lexicon', imageEngine: 'poster', style: 'flat vectors' },
    censorModel: () => censor,
    imageModel: () => new PosterModel({ width: 256, height: 256 }),
    presenter: () => new QuietTerminal({ out, animate: false, outDir: '/nonexistent-not-written' }),
  });
  return { store, lanes, director, counts };
}

describe('one act: the censor once, the record per step, the settings once', () => {
  test('a lexicon act reuses the intake scan and writes only the steps that changed something', async () => {
    const { store, lanes, director, counts } = await counted();
    await store.guilds.update('g', { pace: 0 });
    counts.settingsReads = 0;
    const outcome = await director.submit({
      guildId: 'g',
      channelId: 'c',
      authorId: 'a',
      brief: 'a knight with a gun',
    });
    expect(outcome.kind).toBe('queued');
    // The act starts in the guild's lane a moment after the submission returns; bounded wait for its end.
    for (let i = 0; i < 200 && (await get(store, outcome.performance.id)) !== 'done'; i++) await lanes.idle();
    const done = await store.performances.get(outcome.performance.id);
    expect(done?.status).toBe('done');
    expect(done?.prompt).toMatch(/^a knight with a (?!gun).+, flat vectors$/);
    // Intake: one scan, one read of the settings. The act: no second censor pass, one read of the settings, and
    // three writes (on stage; the censorship with the opening; the finale) — the terminal's empty steps write nothing.
    expect(counts).toEqual({ censor: 1, writes: 3, settingsReads: 2 });
  });
});

describe('censorAct', () => {
  const performance = {
    id: 'g-1',
    guildId: 'g',
    number: 1,
    authorId: 'a',
    brief: 'a pineapple on a gun',
    style: 'flat vectors',
    status: 'queued' as const,
    censorEngine: 'lexicon' as const,
    imageEngine: 'poster' as const,
    createdAt: new Date(0).toISOString(),
  };
  const pineapple = {
    term: 'pineapple',
    category: 'profanity',
    tier: 'block',
    euphemisms: ['fruit'],
    reason: 'House Rule 1',
  } as const;

  test.each([
    ['the same lexicon and layers: the intake scan is the censorship', {}, 0, 'rewrite'],
    [
      'a guild term added since: censored again, and refused',
      { overrides: { add: [pineapple], remove: [] } },
      1,
      'block',
    ],
    ['satire switched off since: censored again', { satire: false }, 1, 'rewrite'],
  ])('%s', async (_name, now, passes, verdict) => {
    let calls = 0;
    const censor: CensorModel = {
      name: 'lexicon',
      censor: (r) => {
        calls += 1;
        return lexicon.censor(r);
      },
    };
    const scan = await lexicon.censor({ brief: performance.brief });
    const record = { ...performance, result: scan, scannedWith: lexiconKey({}) };
    const passed = await censorAct(record as never, {
      censor,
      settings: { pace: 0, reviewMode: false, renderOriginal: false, ...(now as object) },
      signal: new AbortController().signal,
    });
    expect(calls).toBe(passes);
    expect(passed.result.verdict).toBe(verdict);
  });
});
