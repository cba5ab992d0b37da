import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CENSOR_ENGINES, IMAGE_ENGINES } from '../config.js';
import { censorBrief } from '../services/censor/pipeline.js';
import { createCensorModel, createImageModel } from '../services/engines.js';
import { MAX_STYLE_LENGTH, validateBrief } from '../services/show/brief.js';
import { buildFrames } from '../services/show/frames.js';
import { fallbackNote } from '../services/show/notes.js';
import { playInTerminal } from '../services/show/presenters/terminal.js';
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

export const rehearse: CliCommand = {
  name: 'rehearse',
  usage:
    'npm run cli -- rehearse "<brief>" [--style S] [--out DIR] [--censor ENGINE] [--image ENGINE] [--seed N] [--pace X]',
  async run(args, ctx) {
    const { values, positionals } = parseCommandArgs(args, {
      style: { type: 'string' },
      out: { type: 'string' },
      censor: { type: 'string' },
      image: { type: 'string' },
      seed: { type: 'string' },
      pace: { type: 'string' },
    });
    if (positionals.length !== 1) throw new UsageError('give exactly one brief, in quotes');
    const brief = validateBrief(positionals[0] ?? '');
    const style =
      values.style === undefined ? ctx.config.STYLE : validateBrief(values.style, 'style', MAX_STYLE_LENGTH);
    const censorEngine = oneOf(values.censor, CENSOR_ENGINES, '--censor') ?? ctx.config.CENSOR_ENGINE;
    const imageEngine = oneOf(values.image, IMAGE_ENGINES, '--image') ?? ctx.config.IMAGE_ENGINE;
    const seedFlag = numberFlag(values.seed, '--seed', 0, 2 ** 32 - 1);
    const animate = Boolean(ctx.io.stdout.isTTY);
    const pace = numberFlag(values.pace, '--pace', 0, 5) ?? (animate ? 1 : 0);
    const outDir = path.resolve(values.out ?? 'out');
    const censorModel = createCensorModel(censorEngine, ctx.engines);
    const imageModel = createImageModel(imageEngine, ctx.engines);

    const store = await openStore(ctx.config.STORE_URL, ctx.log);
    try {
      // Saved before any work starts: nothing submitted is ever lost.
      let performance = await store.performances.create({
        guildId: 'cli',
        authorId: 'rehearsal',
        brief,
        style,
        status: 'performing',
        censorEngine,
        imageEngine,
      });
      const out = ctx.io.stdout;
      out.write(`Compliance Theatre — Performance №${performance.number}\n\n`);
      try {
        const censorship = await censorBrief(censorModel, { brief, style });
        await playInTerminal(buildFrames(brief, censorship, { pace }), { out, animate, width: out.columns });
        const base = path.join(outDir, `performance-${performance.number}`);
        await mkdir(outDir, { recursive: true });
        let image: { file: string; engine: string; width: number; height: number } | undefined;
        if (censorship.result.verdict !== 'block') {
          const rendered = await imageModel.render({
            prompt: censorship.prompt,
            performanceNumber: performance.number,
            seed: seedFlag ?? performance.number,
          });
          const extension = rendered.contentType.split('/')[1] === 'jpeg' ? 'jpg' : rendered.contentType.split('/')[1];
          image = {
            file: `${base}.${extension}`,
            engine: rendered.engine,
            width: rendered.width,
            height: rendered.height,
          };
          await writeFile(image.file, rendered.png);
          const note = fallbackNote(
            { censor: censorEngine, image: imageEngine },
            { censor: censorship.result.engine, image: rendered.engine },
          );
          if (note) out.write(`${note}\n`);
        }
        performance = await store.performances.update(performance.id, {
          status: censorship.result.verdict === 'block' ? 'blocked' : 'done',
          result: censorship.result,
          prompt: censorship.prompt,
        });
        const record = { performance, ...censorRecord(brief, censorship), image: image?.file ?? null };
        await writeFile(`${base}.json`, `${JSON.stringify(record, null, 2)}\n`);
        out.write(
          image
            ? `\nPoster: ${image.file}\nRecord: ${base}.json\n`
            : `\nRefused: no image rendered.\nRecord: ${base}.json\n`,
        );
        return 0;
      } catch (err) {
        await store.performances.update(performance.id, { status: 'failed', note: (err as Error).message });
        throw err;
      }
    } finally {
      await store.close();
    }
  },
};
