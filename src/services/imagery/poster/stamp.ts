import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { font, type PosterFonts } from './fonts.js';
import type { Rng } from './random.js';

export interface StampSpec {
  cx: number;
  cy: number;
  /** Width of the stamp before rotation; the height follows from it. */
  width: number;
  /** Radians; a real stamp is never straight. */
  angle: number;
  ink: string;
  paper: string;
  /** The big word and the line under it; default APPROVED over CONTENT STANDARDS DIVISION. */
  words?: StampWords;
}

export interface StampWords {
  big: string;
  small: string;
}

export const APPROVED_STAMP: StampWords = { big: 'APPROVED', small: 'CONTENT STANDARDS DIVISION' };

/** The stamp's height for a given width, so callers can keep it inside the scene. */
export const stampHeight = (width: number): number => width * 0.42;

/**
 * The lowest y the rotated stamp reaches between x0 and x1 (or -Infinity if it does not reach that column):
 * what a figure's head must stay below to stay visible.
 */
export function stampFloor(spec: Pick<StampSpec, 'cx' | 'cy' | 'width' | 'angle'>, x0: number, x1: number): number {
  const hw = spec.width / 2;
  const hh = stampHeight(spec.width) / 2;
  const cos = Math.cos(spec.angle);
  const sin = Math.sin(spec.angle);
  let floor = Number.NEGATIVE_INFINITY;
  // Sampling the outline is plenty precise for placing figures, and cheap.
  for (let i = 0; i <= 64; i++) {
    const a = -hw + (i / 64) * 2 * hw;
    for (const b of [-hh, hh]) {
      const x = spec.cx + a * cos - b * sin;
      const y = spec.cy + a * sin + b * cos;
      if (x >= x0 && x <= x1) floor = Math.max(floor, y);
    }
  }
  for (const a of [-hw, hw]) {
    for (let i = 0; i <= 16; i++) {
      const b = -hh + (i / 16) * 2 * hh;
      const x = spec.cx + a * cos - b * sin;
      const y = spec.cy + a * sin + b * cos;
      if (x >= x0 && x <= x1) floor = Math.max(floor, y);
    }
  }
  return floor;
}

/**
 * A rotated rubber stamp, "APPROVED" over "CONTENT STANDARDS DIVISION" (or the words given), on a paper-coloured label so it
 * reads on any sky. The ink is drawn offscreen and speckled with seeded wear before it is pressed down.
 */
export function drawStamp(ctx: SKRSContext2D, fonts: PosterFonts, rng: Rng, spec: StampSpec): void {
  const w = Math.round(spec.width);
  const h = Math.round(stampHeight(spec.width));
  const k = w / 440;
  const ink = createCanvas(w, h);
  const ic = ink.getContext('2d');
  ic.strokeStyle = spec.ink;
  ic.fillStyle = spec.ink;
  ic.lineWidth = 9 * k;
  ic.beginPath();
  ic.roundRect(6 * k, 6 * k, w - 12 * k, h - 12 * k, 18 * k);
  ic.stroke();
  ic.lineWidth = 3 * k;
  ic.beginPath();
  ic.roundRect(20 * k, 20 * k, w - 40 * k, h - 40 * k, 10 * k);
  ic.stroke();

  ic.textAlign = 'center';
  ic.textBaseline = 'alphabetic';
  const inner = w - 80 * k;
  ic.font = font(fonts.display, 100 * k);
  const words = spec.words ?? APPROVED_STAMP;
  const big = Math.min(100 * k, (100 * k * inner) / ic.measureText(words.big).width);
  ic.font = font(fonts.display, big);
  ic.fillText(words.big, w / 2, h * 0.62);

  ic.font = font(fonts.heavy, 17 * k, 800);
  ic.letterSpacing = `${3.2 * k}px`;
  const small = words.small;
  const smallWidth = ic.measureText(small).width;
  const fitted = Math.min(17 * k, (17 * k * inner) / smallWidth);
  ic.font = font(fonts.heavy, fitted, 800);
  ic.fillText(small, w / 2 + 1.6 * k, h * 0.82);
  ic.fillRect(40 * k, h * 0.68, w - 80 * k, 3 * k);
  ic.letterSpacing = '0px';
  ic.font = font(fonts.heavy, 20 * k, 800);
  ic.fillText('★   ★   ★', w / 2, h * 0.27);

  // Wear: specks and a couple of dry streaks where the rubber did not take.
  ic.globalCompositeOperation = 'destination-out';
  ic.beginPath();
  for (let i = 0; i < 110; i++) {
    const x = rng.next() * w;
    const y = rng.next() * h;
    const r = k * rng.range(0.6, 1.7);
    ic.moveTo(x + r, y);
    ic.arc(x, y, r, 0, Math.PI * 2);
  }
  ic.fill();
  ic.globalAlpha = 0.35;
  ic.lineWidth = 5 * k;
  ic.beginPath();
  for (let i = 0; i < 3; i++) {
    const y = h * rng.range(0.15, 0.85);
    ic.moveTo(rng.range(0, w * 0.4), y);
    ic.lineTo(rng.range(w * 0.6, w), y + rng.range(-8, 8) * k);
  }
  ic.stroke();

  ctx.save();
  ctx.translate(spec.cx, spec.cy);
  ctx.rotate(spec.angle);
  ctx.globalAlpha = 0.9;
  ctx.fillStyle = spec.paper;
  ctx.beginPath();
  ctx.roundRect(-w / 2, -h / 2, w, h, 18 * k);
  ctx.fill();
  ctx.globalAlpha = 0.94;
  ctx.drawImage(ink, -w / 2, -h / 2);
  ctx.restore();
}
