import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { imageExtension, type RenderedImage } from '../../imagery/types.js';
import { fill, type Script, scriptFor } from '../../script/voices.js';
import type { Performance, Tally } from '../../store/schemas.js';
import { scriptOf } from '../act.js';
import type { Frame, Segment } from '../frames-types.js';
import type { ActPresenter, AppealVerdict, FinaleImages } from '../presenter.js';
import { abortableSleep } from '../sleep.js';

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

/** A phase's badge in brackets, padded to the voice's longest badge so titles line up frame after frame. */
function badge(script: Script, phase: Frame['phase']): string {
  const width = Math.max(...Object.values(script.badges).map((word) => [...word].length));
  return `[ ${script.badges[phase].padEnd(width)} ]`;
}

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
export function renderFrameLines(frame: Frame, options: { color: boolean; width: number; script?: Script }): string[] {
  const { color, width } = options;
  const script = options.script ?? scriptFor();
  const paint = (codes: string, text: string) => (color ? `${codes}${text}${ANSI.reset}` : text);
  const badgeColor = frame.phase === 'blocked' ? ANSI.red : frame.phase === 'approved' ? ANSI.green : ANSI.magenta;
  const lines = [`${paint(ANSI.bold + badgeColor, badge(script, frame.phase))} ${frame.title}`, ''];
  const body = frame.segments.map((s) => renderSegment(s, color)).join('');
  lines.push(...wrap(body, width - 4).map((l) => `    ${l}`), '');
  for (const note of frame.notes) {
    lines.push(...wrap(`§ ${note.label} — ${note.reason}`, width - 4).map((l) => `  ${paint(ANSI.dim, l)}`));
  }
  if (frame.prompt) {
    lines.push(
      '',
      paint(ANSI.bold, `  ${script.frames.approvedPrompt}:`),
      ...wrap(frame.prompt, width - 4).map((l) => `    ${l}`),
    );
  }
  return lines;
}

/**
 * Plays frames in a terminal. On a TTY each frame redraws the previous one in place, with colour; elsewhere
 * (a pipe, a CI log) each frame is printed once as plain text and nothing waits.
 */
export async function playInTerminal(
  frames: readonly Frame[],
  options: TerminalPresenterOptions & { script?: Script },
  signal?: AbortSignal,
): Promise<void> {
  const width = Math.max(40, Math.min(options.width ?? 80, 100));
  const sleep = options.sleep ?? abortableSleep;
  let drawn = 0;
  for (const frame of frames) {
    signal?.throwIfAborted();
    const lines = renderFrameLines(frame, { color: options.animate, width, script: options.script });
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

/**
 * The terminal as an act's presenter (`rehearse`): frames played in place (or printed once off a TTY), lines in
 * the Division's voice, and the images written to `outDir` — the terminal's way of hanging a poster. `files`
 * keeps what was written, for the rehearsal's record.
 */
export class TerminalPresenter implements ActPresenter {
  readonly files: string[] = [];

  constructor(private readonly options: TerminalPresenterOptions & { outDir: string }) {}

  async open(performance: Performance): Promise<Partial<Performance>> {
    this.write(`${fill(scriptOf(performance).terminal.title, { number: performance.number })}\n\n`);
    return {};
  }

  async play(performance: Performance, frames: Frame[], signal: AbortSignal): Promise<Partial<Performance>> {
    await playInTerminal(frames, { ...this.options, width: this.width(), script: scriptOf(performance) }, signal);
    return {};
  }

  async refused(performance: Performance, frames: Frame[], signal: AbortSignal): Promise<void> {
    await this.open(performance);
    await this.play(performance, frames, signal);
    this.write(`\n${scriptOf(performance).act.refusedNoImage}\n`);
  }

  async note(_performance: Performance, text: string): Promise<void> {
    this.write(`${text}\n`);
  }

  async awaitRelease(performance: Performance): Promise<void> {
    this.write(`${scriptOf(performance).act.awaitRelease}\n`);
  }

  async awaitAppealDecision(performance: Performance): Promise<void> {
    this.write(`${scriptOf(performance).act.awaitAppeal}\n`);
  }

  async finale(performance: Performance, images: FinaleImages, _tally: Tally): Promise<Partial<Performance>> {
    const lines = scriptOf(performance).terminal;
    const poster = await this.save(performance, images.censored, '');
    this.write(`\n${fill(lines.poster, { file: poster })}\n`);
    if (images.original) {
      const file = await this.save(performance, images.original, '-original');
      this.write(`${fill(lines.original, { file })}\n`);
    }
    return {};
  }

  async verdict(performance: Performance, verdict: AppealVerdict, image?: RenderedImage) {
    const script = scriptOf(performance);
    const lines = script.hearing;
    const line = (r: AppealVerdict['upheld'][number]) =>
      `  • ${r.term ?? fill(lines.redactedTerm, { category: r.category })} — ${r.reason}`;
    this.write(`\n${verdict.outcome === 'overturned' ? lines.grantedTitle : lines.deniedTitle}\n`);
    if (verdict.reinstated.length) this.write(`${lines.reinstated}:\n${verdict.reinstated.map(line).join('\n')}\n`);
    if (verdict.upheld.length) this.write(`${lines.upheld}:\n${verdict.upheld.map(line).join('\n')}\n`);
    if (image) {
      const file = await this.save(performance, image, '-appeal');
      this.write(`${fill(script.terminal.appealCut, { file })}\n`);
    }
    return {};
  }

  async withdraw(performance: Performance): Promise<void> {
    this.write(`${fill(scriptOf(performance).act.withdrawn, { number: performance.number })}\n`);
  }

  async fail(_performance: Performance, message: string): Promise<void> {
    this.write(`⚠️ ${message}\n`);
  }

  private async save(performance: Performance, image: RenderedImage, suffix: string): Promise<string> {
    await mkdir(this.options.outDir, { recursive: true });
    const file = path.join(this.options.outDir, `performance-${performance.number}${suffix}.${imageExtension(image)}`);
    await writeFile(file, image.bytes);
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
