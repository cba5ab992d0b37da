import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import type { RenderedImage } from '../../imagery/types.js';
import type { Performance, Tally } from '../../store/schemas.js';
import type { Frame, Segment } from '../frames-types.js';
import type { ActPresenter, AppealVerdict, FinaleImages } from '../presenter.js';

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  strike: '\u001b[9m',
  red: '\u001b[31m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  inverse: '\u001b[7m',
  magenta: '\u001b[35m',
  clearDown: '\u001b[J',
  up: (n: number) => `\u001b[${n}A`,
};

const STAGE_BADGES: Record<Frame['stage'], string> = {
  received: '[ RECEIVED ]',
  scanning: '[ SCANNING ]',
  marking: '[  REDLINE ]',
  replacing: '[ AMENDING ]',
  approved: '[ APPROVED ]',
  blocked: '[ REFUSED  ]',
};

export interface TerminalPresenterOptions {
  out: NodeJS.WritableStream;
  /** Animate in place with colours and delays; otherwise print every frame once, plainly, without waiting. */
  animate: boolean;
  width?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function renderSegment(segment: Segment, color: boolean): string {
  const paint = (codes: string, text: string) => (color ? `${codes}${text}${ANSI.reset}` : text);
  switch (segment.kind) {
    case 'plain':
      return segment.text;
    case 'flagged':
      return paint(ANSI.yellow + ANSI.inverse, segment.text);
    case 'struck':
      return color ? paint(ANSI.red + ANSI.strike, segment.text) : `~~${segment.text}~~`;
    case 'blackout':
      return paint(ANSI.dim, '█'.repeat(segment.length));
    case 'inserted':
      return color ? paint(ANSI.green + ANSI.bold, segment.text) : `[${segment.text}]`;
  }
}

/** Wraps text that may hold ANSI codes to a visible width. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let visible = 0;
  for (const word of text.split(' ')) {
    const length = [...word.replace(/\u001b\[[0-9;]*m/g, '')].length;
    if (visible > 0 && visible + 1 + length > width) {
      lines.push(line);
      line = '';
      visible = 0;
    }
    line += visible > 0 ? ` ${word}` : word;
    visible += (visible > 0 ? 1 : 0) + length;
  }
  lines.push(line);
  return lines;
}

/** The lines of one frame as the terminal shows it. */
export function renderFrameLines(frame: Frame, options: { color: boolean; width: number }): string[] {
  const { color, width } = options;
  const paint = (codes: string, text: string) => (color ? `${codes}${text}${ANSI.reset}` : text);
  const badgeColor = frame.stage === 'blocked' ? ANSI.red : frame.stage === 'approved' ? ANSI.green : ANSI.magenta;
  const lines = [`${paint(ANSI.bold + badgeColor, STAGE_BADGES[frame.stage])} ${frame.title}`, ''];
  const body = frame.segments.map((s) => renderSegment(s, color)).join('');
  lines.push(...wrap(body, width - 4).map((l) => `    ${l}`), '');
  for (const note of frame.notes) {
    lines.push(...wrap(`§ ${note.label} — ${note.reason}`, width - 4).map((l) => `  ${paint(ANSI.dim, l)}`));
  }
  if (frame.prompt) {
    lines.push('', paint(ANSI.bold, '  Approved prompt:'), ...wrap(frame.prompt, width - 4).map((l) => `    ${l}`));
  }
  return lines;
}

/** A wait that rejects at once on an already-aborted signal, and as soon as it aborts. */
const defaultSleep = (ms: number, signal?: AbortSignal) => wait(ms, undefined, { signal });

/**
 * Plays frames in a terminal. On a TTY each frame redraws the previous one in place, with colour; elsewhere
 * (a pipe, a CI log) each frame is printed once as plain text and nothing waits.
 */
export async function playInTerminal(
  frames: readonly Frame[],
  options: TerminalPresenterOptions,
  signal?: AbortSignal,
): Promise<void> {
  const width = Math.max(40, Math.min(options.width ?? 80, 100));
  const sleep = options.sleep ?? defaultSleep;
  let drawn = 0;
  for (const frame of frames) {
    signal?.throwIfAborted();
    const lines = renderFrameLines(frame, { color: options.animate, width });
    if (options.animate) {
      const rewind = drawn > 0 ? ANSI.up(drawn) + ANSI.clearDown : '';
      options.out.write(`${rewind}${lines.join('\n')}\n`);
      drawn = lines.length;
      if (frame.delayMs > 0) await sleep(frame.delayMs, signal);
    } else {
      options.out.write(`${lines.join('\n')}\n\n`);
    }
  }
}

function extension(image: RenderedImage): string {
  return image.contentType === 'image/jpeg' ? 'jpg' : (image.contentType.split('/')[1] ?? 'png');
}

/**
 * The terminal as an act's presenter (`rehearse`): frames played in place (or printed once off a TTY), lines in
 * the Division's voice, and the images written to `outDir` — the terminal's way of hanging a poster. `files`
 * keeps what was written, for the rehearsal's record.
 */
export class TerminalPresenter implements ActPresenter {
  readonly files: string[] = [];

  constructor(private readonly options: TerminalPresenterOptions & { outDir: string }) {}

  async open(performance: Performance): Promise<Partial<Performance>> {
    this.write(`Compliance Theatre — Performance №${performance.number}\n\n`);
    return {};
  }

  async play(_performance: Performance, frames: Frame[], signal: AbortSignal): Promise<Partial<Performance>> {
    await playInTerminal(frames, { ...this.options, width: this.width() }, signal);
    return {};
  }

  async refused(performance: Performance, frames: Frame[], signal: AbortSignal): Promise<void> {
    await this.open(performance);
    await this.play(performance, frames, signal);
    this.write('\nRefused: no image rendered.\n');
  }

  async note(_performance: Performance, text: string): Promise<void> {
    this.write(`${text}\n`);
  }

  async awaitRelease(): Promise<void> {
    this.write('Approved in principle; awaiting release by a moderator.\n');
  }

  async awaitAppealDecision(): Promise<void> {
    this.write('An appeal has been lodged; it awaits the moderators’ decision.\n');
  }

  async finale(performance: Performance, images: FinaleImages, _tally: Tally): Promise<Partial<Performance>> {
    const poster = await this.save(performance, images.censored, '');
    this.write(`\nPoster: ${poster}\n`);
    if (images.original)
      this.write(`Original (rejected): ${await this.save(performance, images.original, '-original')}\n`);
    return {};
  }

  async verdict(performance: Performance, verdict: AppealVerdict, image?: RenderedImage) {
    const line = (r: AppealVerdict['upheld'][number]) =>
      `  • ${r.term ?? `a ${r.category} term (redacted)`} — ${r.reason}`;
    this.write(`\n${verdict.outcome === 'overturned' ? 'APPEAL GRANTED IN PART' : 'APPEAL DENIED'}\n`);
    if (verdict.reinstated.length) this.write(`Reinstated:\n${verdict.reinstated.map(line).join('\n')}\n`);
    if (verdict.upheld.length) this.write(`Upheld:\n${verdict.upheld.map(line).join('\n')}\n`);
    if (image) this.write(`Appeal Cut: ${await this.save(performance, image, '-appeal')}\n`);
    return {};
  }

  async withdraw(performance: Performance): Promise<void> {
    this.write(`Performance №${performance.number} has been withdrawn.\n`);
  }

  async fail(_performance: Performance, message: string): Promise<void> {
    this.write(`⚠️ ${message}\n`);
  }

  private async save(performance: Performance, image: RenderedImage, suffix: string): Promise<string> {
    await mkdir(this.options.outDir, { recursive: true });
    const file = path.join(this.options.outDir, `performance-${performance.number}${suffix}.${extension(image)}`);
    await writeFile(file, image.png);
    this.files.push(file);
    return file;
  }

  private width(): number | undefined {
    return this.options.width ?? (this.options.out as { columns?: number }).columns;
  }

  private write(text: string): void {
    this.options.out.write(text);
  }
}
