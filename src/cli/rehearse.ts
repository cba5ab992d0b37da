import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CENSOR_ENGINES, IMAGE_ENGINES } from '../config.js';
import { UserFacingError } from '../errors.js';
import { submittedText } from '../services/censor/pipeline.js';
import type { CensorResult } from '../services/censor/types.js';
import { createCensorModel, createImageModel } from '../services/engines.js';
import { DEFAULT_VOICE, VOICES } from '../services/script/voices.js';
import { performAct } from '../services/show/act.js';
import { MAX_STYLE_LENGTH, validateBrief } from '../services/show/brief.js';
import { maskedBrief } from '../services/show/frames.js';
import { PACE_HINT, type Pace, parsePace } from '../services/show/pace.js';
import { TerminalPresenter } from '../services/show/presenters/terminal.js';
import { openStore } from '../services/store/index.js';
import { oneOf, parseCommandArgs, UsageError } from './args.js';
import { censorRecord } from './censor.js';
import type { CliCommand } from './types.js';

function numberFlag(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${flag} must be a number from ${min} to ${max}`);
  return n;
}

function paceFlag(value: string | undefined): Pace | undefined {
  if (value === undefined) return undefined;
  const pace = parsePace(value);
  if (pace === undefined) throw new UsageError(`--pace must be ${PACE_HINT}`);
  return pace;
}

/**
 * One brief performed in the terminal by the same `performAct` a Discord act runs; the terminal is its
 * presenter. `--style` is a member's style: censored with the brief, in the frames, the house style after it.
 */
export const rehearse: CliCommand = {
  name: 'rehearse',
  usage:
    'npm run cli -- rehearse "<brief>" [--style S] [--voice V] [--out DIR] [--censor ENGINE] [--image ENGINE] [--seed N] [--pace X|auto] [--queued N]',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      style: { type: 'string' },
      voice: { type: 'string' },
      out: { type: 'string' },
      censor: { type: 'string' },
      image: { type: 'string' },
      seed: { type: 'string' },
      pace: { type: 'string' },
      queued: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one brief, in quotes');
    const brief = validateBrief(positionals[0] ?? '');
    const memberStyle = values.style === undefined ? undefined : validateBrief(values.style, 'style', MAX_STYLE_LENGTH);
    const censorEngine = oneOf(values.censor, CENSOR_ENGINES, '--censor') ?? ctx.config.CENSOR_ENGINE;
    const imageEngine = oneOf(values.image, IMAGE_ENGINES, '--image') ?? ctx.config.IMAGE_ENGINE;
    const voice = oneOf(values.voice, VOICES, '--voice') ?? DEFAULT_VOICE;
    const seed = numberFlag(values.seed, '--seed', 0, 2 ** 32 - 1);
    const out = ctx.io.stdout;
    const animate = Boolean(out.isTTY);
    const pace = paceFlag(values.pace) ?? (animate ? 1 : 0);
    // As if this many briefs waited behind the rehearsal: the pace an `auto` stage would play it at.
    const queued = numberFlag(values.queued, '--queued', 0, 500) ?? 0;
    const outDir = path.resolve(values.out ?? 'out');
    const censor = createCensorModel(censorEngine, ctx.engines);
    const image = createImageModel(imageEngine, ctx.engines);

    if (memberStyle) {
      // As at the Discord door: a block term in a style refuses the brief before anything is performed.
      const scan = await createCensorModel('lexicon', ctx.engines).censor({ brief: memberStyle });
      const reason = scan.changes.find((c) => c.tier === 'block')?.reason ?? 'Content Standards';
      // A block reason may already end in a sentence of its own ("… This brief cannot be performed.").
      if (scan.verdict === 'block')
        throw new UserFacingError(`The style was refused: ${reason.replace(/\.?$/, '.')} Nothing was performed.`);
    }

    const store = await openStore(ctx.config.STORE_URL, ctx.log);
    try {
      // Saved before any work starts: nothing submitted is ever lost.
      const performance = await store.performances.create({
        guildId: 'cli',
        authorId: 'rehearsal',
        brief,
        ...(memberStyle ? { memberStyle } : {}),
        style: ctx.config.STYLE,
        status: 'queued',
        censorEngine,
        imageEngine,
        voice,
      });
      const presenter = new TerminalPresenter({ out, animate, outDir });
      const finished = await performAct(performance, {
        store,
        log: ctx.log,
        censor,
        image,
        presenter,
        settings: { pace, queued, reviewMode: false, renderOriginal: false, ...(seed === undefined ? {} : { seed }) },
        signal: new AbortController().signal,
      });
      if (finished.status === 'failed') throw new Error(finished.note ?? 'the rehearsal failed');
      await mkdir(outDir, { recursive: true });
      const base = path.join(outDir, `performance-${performance.number}`);
      const result = redacted(finished.result ?? censorResultMissing());
      const submission = maskedBrief(submittedText(brief, memberStyle), finished.result?.changes ?? [])
        .map((segment) => (segment.kind === 'blackout' ? '█'.repeat(segment.length) : segment.text))
        .join('');
      // The file shows what the audience may see: blackout and block terms as bars (the store keeps the brief).
      const record = {
        performance: { ...finished, brief: submission, memberStyle: undefined, result },
        ...censorRecord(submission, { result, prompt: finished.prompt ?? '' }),
        image: presenter.files[0] ?? null,
      };
      await writeFile(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`);
      out.write(`Record: ${base}.json\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

function redacted(result: CensorResult): CensorResult {
  const changes = result.changes.map((c) =>
    c.tier === 'redline' ? c : { ...c, from: '█'.repeat([...c.from].length) },
  );
  return { ...result, changes };
}

function censorResultMissing(): never {
  throw new Error('the act ended without a censor result');
}
