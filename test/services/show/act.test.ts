import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { Lexicon, LexiconCensor, loadBuiltInLexiconEntries } from '../../../src/services/censor/lexicon/index.js';
import type { CensorModel, CensorRequest } from '../../../src/services/censor/types.js';
import { PosterModel } from '../../../src/services/imagery/poster/index.js';
import type { ImageModel, ImageRequest } from '../../../src/services/imagery/types.js';
import { type ActDeps, performAct } from '../../../src/services/show/act.js';
import { hearAppeal } from '../../../src/services/show/appeal-hearing.js';
import { TerminalPresenter } from '../../../src/services/show/presenters/terminal.js';
import { openStore, type Store } from '../../../src/services/store/index.js';

const lexicon = new LexiconCensor({ lexicon: Lexicon.fromEntries(loadBuiltInLexiconEntries()) });
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

/** The act's collaborators, recording what the censor was asked and what the image model was given. */
async function setup(satire: boolean) {
  const store = await openStore('memory:', silentLogger());
  stores.push(store);
  const requests: CensorRequest[] = [];
  const prompts: ImageRequest[] = [];
  const censor: CensorModel = {
    name: 'lexicon',
    censor: (request) => {
      requests.push(request);
      return lexicon.censor(request);
    },
  };
  const poster = new PosterModel({ width: 256, height: 256 });
  const image: ImageModel = {
    name: 'poster',
    render: (request) => {
      prompts.push(request);
      return poster.render(request);
    },
  };
  const out = new PassThrough();
  out.resume();
  const deps: ActDeps = {
    store,
    log: silentLogger(),
    censor,
    image,
    presenter: new TerminalPresenter({ out, animate: false, outDir: '/nonexistent-not-written' }),
    settings: { pace: 0, reviewMode: false, renderOriginal: true, satire },
    signal: new AbortController().signal,
  };
  return { store, deps, requests, prompts };
}

describe('the act passes the guild’s satire setting into every censor request', () => {
  test.each([true, false])('satire %s: the act, the re-check and the grounds', async (satire) => {
    const { store, deps, requests, prompts } = await setup(satire);
    deps.presenter.finale = async () => ({});
    deps.presenter.verdict = async () => ({});
    const created = await store.performances.create({
      guildId: 'g',
      authorId: 'a',
      brief: 'a protest with a sword',
      memberStyle: 'shitty watercolour',
      style: 'flat vectors',
      status: 'queued',
      censorEngine: 'lexicon',
      imageEngine: 'poster',
    });
    const done = await performAct(created, deps);
    expect(done.status).toBe('done');
    // The original is drawn redacted and labelled; the approved prompt is the censor's.
    expect(prompts.map((p) => p.label ?? 'approved')).toEqual(['approved', 'original']);
    expect(prompts[1]?.prompt).toBe('a protest with a sword, █████ watercolour');
    const appealed = await store.performances.update(done.id, { appeal: { at: 'now', outcome: 'pending' } });
    await hearAppeal(appealed, deps, { grounds: 'be fair', hosted: false, now: Date.now });
    const graded = requests.filter((r) => r.stance !== 'reconsider');
    expect(graded.length).toBeGreaterThanOrEqual(2);
    for (const request of graded) expect(request.satire).toBe(satire);
  });
});
