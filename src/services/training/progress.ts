/** A stream a live display can draw on; `isTTY` decides between redrawing in place and plain lines. */
export interface DisplayStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * One status line kept at the bottom of a terminal and redrawn in place, with log lines scrolling above it.
 * On anything that is not a terminal (a file, a pipe, CI) the status line is not drawn at all and log lines are
 * written as they come, so a log stays readable.
 */
export class LiveStatus {
  readonly #out: DisplayStream;
  readonly #tty: boolean;
  #status = '';

  constructor(out: DisplayStream) {
    this.#out = out;
    this.#tty = Boolean(out.isTTY);
  }

  get isTTY(): boolean {
    return this.#tty;
  }

  /** Replaces the status line (a terminal only). */
  status(text: string): void {
    if (!this.#tty) return;
    this.#status = fitWidth(text, this.#out.columns);
    this.#out.write(`${CLEAR_LINE}${this.#status}`);
  }

  /** Writes a line above the status line. */
  log(line: string): void {
    if (this.#tty) this.#out.write(`${CLEAR_LINE}${line}\n${this.#status}`);
    else this.#out.write(`${line}\n`);
  }

  /** Removes the status line, leaving the cursor at the start of an empty line. */
  clear(): void {
    if (this.#tty && this.#status) this.#out.write(CLEAR_LINE);
    this.#status = '';
  }
}

/** Cuts a line to the terminal's width so a redraw never wraps (a wrapped line cannot be cleared in place). */
function fitWidth(text: string, columns: number | undefined): string {
  const width = (columns ?? 80) - 1;
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** A text progress bar: `[██████░░░░░░]  50%  120/240`. */
export function progressBar(done: number, total: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent}  ${done}/${total}`;
}

/** A duration for people: `42s`, `3m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}
