import type { Frame, Segment } from '../frames-types.js';

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
  sleep?: (ms: number) => Promise<void>;
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

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Plays frames in a terminal. On a TTY each frame redraws the previous one in place, with colour; elsewhere
 * (a pipe, a CI log) each frame is printed once as plain text and nothing waits.
 */
export async function playInTerminal(frames: readonly Frame[], options: TerminalPresenterOptions): Promise<void> {
  const width = Math.max(40, Math.min(options.width ?? 80, 100));
  const sleep = options.sleep ?? defaultSleep;
  let drawn = 0;
  for (const frame of frames) {
    const lines = renderFrameLines(frame, { color: options.animate, width });
    if (options.animate) {
      const rewind = drawn > 0 ? ANSI.up(drawn) + ANSI.clearDown : '';
      options.out.write(`${rewind}${lines.join('\n')}\n`);
      drawn = lines.length;
      if (frame.delayMs > 0) await sleep(frame.delayMs);
    } else {
      options.out.write(`${lines.join('\n')}\n\n`);
    }
  }
}
