import type { SKRSContext2D } from '@napi-rs/canvas';
import type { FigureSpec, Point } from './figure.js';

/** A plumed tournament helmet that leaves the smile showing. */
export function helmet(ctx: SKRSContext2D, hx: number, hy: number, r: number, f: FigureSpec): void {
  const d = f.facing;
  ctx.fillStyle = f.propColor;
  ctx.beginPath();
  ctx.ellipse(hx - d * r * 0.55, hy - r * 1.25, r * 0.95, r * 0.42, -d * 0.55, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#c9cfe3';
  ctx.beginPath();
  ctx.arc(hx, hy + r * 0.05, r * 1.14, Math.PI, Math.PI * 2);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = '#9fa7c4';
  ctx.fillRect(hx - r * 1.2, hy - r * 0.12, r * 2.4, r * 0.3);
  ctx.fillRect(hx - r * 0.1, hy - r * 1.1, r * 0.2, r * 1);
}

/** Whatever the figure holds in its front hand: a balloon, a pennant, a heart, a laptop. */
export function prop(ctx: SKRSContext2D, f: FigureSpec, shoulder: Point, [, hand]: [Point, Point], u: number): void {
  const hx = shoulder[0] + hand[0] * u * f.facing;
  const hy = shoulder[1] + hand[1] * u;
  ctx.fillStyle = f.propColor;
  ctx.strokeStyle = '#1f1b3d';
  ctx.lineWidth = 0.6 * u;
  if (f.prop === 'balloon') {
    ctx.beginPath();
    ctx.moveTo(hx, hy);
    ctx.quadraticCurveTo(hx + 4 * u, hy - 12 * u, hx, hy - 22 * u);
    ctx.stroke();
    ctx.beginPath();
    ctx.ellipse(hx, hy - 29 * u, 6 * u, 7.5 * u, 0, 0, Math.PI * 2);
    ctx.fill();
  } else if (f.prop === 'flag') {
    ctx.fillRect(hx - 0.5 * u, hy - 30 * u, u, 36 * u);
    ctx.beginPath();
    ctx.moveTo(hx, hy - 30 * u);
    ctx.lineTo(hx + f.facing * 16 * u, hy - 25 * u);
    ctx.lineTo(hx, hy - 19 * u);
    ctx.closePath();
    ctx.fill();
  } else if (f.prop === 'heart') {
    const s = 6 * u;
    const cy = hy - 4 * u;
    ctx.beginPath();
    ctx.moveTo(hx, cy + s);
    ctx.bezierCurveTo(hx - s * 1.6, cy - s * 0.2, hx - s * 0.6, cy - s * 1.5, hx, cy - s * 0.5);
    ctx.bezierCurveTo(hx + s * 0.6, cy - s * 1.5, hx + s * 1.6, cy - s * 0.2, hx, cy + s);
    ctx.fill();
  } else if (f.prop === 'laptop') {
    ctx.beginPath();
    ctx.roundRect(hx - 9 * u, hy - 12 * u, 18 * u, 12 * u, u);
    ctx.fill();
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.arc(hx, hy - 6 * u, 1.6 * u, 0, Math.PI * 2);
    ctx.fill();
  }
}
