import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Palette } from './palette.js';
import type { Rng } from './random.js';

/** Where and with what a scene is being drawn. Coordinates are canvas pixels; `unit` is 1/100 of the scene height. */
export interface Scene {
  ctx: SKRSContext2D;
  rng: Rng;
  palette: Palette;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The y of the horizon, in canvas pixels. */
  horizon: number;
  unit: number;
}

/** A closed organic blob around (cx, cy): the corporate memphis background shape. */
export function blob(scene: Scene, cx: number, cy: number, radius: number, color: string): void {
  const { ctx, rng } = scene;
  const count = rng.int(6, 9);
  const phase = rng.range(0, Math.PI * 2);
  const points = Array.from({ length: count }, (_, i) => {
    const angle = phase + (i / count) * Math.PI * 2;
    const r = radius * rng.range(0.78, 1.15);
    return [cx + Math.cos(angle) * r, cy + Math.sin(angle) * r * 0.85] as const;
  });
  ctx.fillStyle = color;
  ctx.beginPath();
  const mid = (i: number) => {
    const a = points[i % count]!;
    const b = points[(i + 1) % count]!;
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2] as const;
  };
  const start = mid(0);
  ctx.moveTo(start[0], start[1]);
  for (let i = 1; i <= count; i++) {
    const p = points[i % count]!;
    const m = mid(i);
    ctx.quadraticCurveTo(p[0], p[1], m[0], m[1]);
  }
  ctx.closePath();
  ctx.fill();
}

/** A thick wavy line: the squiggle every corporate illustration has somewhere. */
export function squiggle(scene: Scene, x: number, y: number, length: number, color: string): void {
  const { ctx, rng, unit } = scene;
  const angle = rng.range(-0.5, 0.5);
  const waves = rng.int(3, 5);
  const amplitude = unit * rng.range(1.6, 2.6);
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate(angle);
  ctx.strokeStyle = color;
  ctx.lineWidth = unit * 1.3;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(0, 0);
  const step = length / (waves * 2);
  for (let i = 0; i < waves * 2; i++) {
    ctx.quadraticCurveTo(step * i + step / 2, i % 2 === 0 ? -amplitude * 2 : amplitude * 2, step * (i + 1), 0);
  }
  ctx.stroke();
  ctx.restore();
}

/** Scatters small flat confetti pieces inside the box, skipping pieces whose centre `avoid` rejects. */
export function confetti(
  scene: Scene,
  box: { x: number; y: number; w: number; h: number },
  count: number,
  avoid: (x: number, y: number) => boolean = () => false,
): void {
  const { ctx, rng, unit, palette } = scene;
  for (let i = 0; i < count; i++) {
    const x = box.x + rng.next() * box.w;
    const y = box.y + rng.next() * box.h;
    const size = unit * rng.range(1.1, 2.2);
    const kind = rng.int(0, 5);
    const color = rng.pick(palette.accents);
    const rotation = rng.range(0, Math.PI * 2);
    if (avoid(x, y)) continue;
    ctx.save();
    ctx.translate(x, y);
    ctx.rotate(rotation);
    ctx.fillStyle = color;
    ctx.strokeStyle = color;
    ctx.lineWidth = unit * 0.7;
    ctx.lineCap = 'round';
    ctx.beginPath();
    if (kind === 0) ctx.rect(-size, -size * 0.45, size * 2, size * 0.9);
    else if (kind === 1) ctx.arc(0, 0, size * 0.7, 0, Math.PI * 2);
    else if (kind === 2) {
      ctx.moveTo(0, -size);
      ctx.lineTo(size * 0.9, size * 0.6);
      ctx.lineTo(-size * 0.9, size * 0.6);
      ctx.closePath();
    }
    if (kind <= 2) {
      ctx.fill();
    } else if (kind === 3) {
      ctx.arc(0, 0, size * 0.8, 0, Math.PI * 2);
      ctx.stroke();
    } else if (kind === 4) {
      ctx.moveTo(-size, 0);
      ctx.lineTo(size, 0);
      ctx.moveTo(0, -size);
      ctx.lineTo(0, size);
      ctx.stroke();
    } else {
      ctx.moveTo(-size * 1.4, 0);
      ctx.quadraticCurveTo(-size * 0.7, -size, 0, 0);
      ctx.quadraticCurveTo(size * 0.7, size, size * 1.4, 0);
      ctx.stroke();
    }
    ctx.restore();
  }
}

/** A small grid of dots, a memphis staple. */
export function dotGrid(scene: Scene, x: number, y: number, color: string): void {
  const { ctx, unit, rng } = scene;
  const cols = rng.int(3, 5);
  const rows = rng.int(3, 4);
  const gap = unit * 3;
  ctx.fillStyle = color;
  ctx.beginPath();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      ctx.moveTo(x + c * gap + unit * 0.6, y + r * gap);
      ctx.arc(x + c * gap, y + r * gap, unit * 0.6, 0, Math.PI * 2);
    }
  }
  ctx.fill();
}

/** Concentric half rings standing on (cx, baseY): the "rainbow" arch of brand decks. */
export function arch(scene: Scene, cx: number, baseY: number, radius: number): void {
  const { ctx, palette, rng } = scene;
  const bands = rng.int(3, 4);
  const colors = rng.shuffle(palette.accents);
  for (let i = 0; i < bands; i++) {
    ctx.fillStyle = i === bands - 1 ? palette.sky : colors[i % colors.length]!;
    ctx.beginPath();
    ctx.arc(cx, baseY, radius * (1 - i / bands), Math.PI, 0);
    ctx.closePath();
    ctx.fill();
  }
}

/** A potted office plant with big flat leaves: the universal corporate prop. */
export function pottedPlant(scene: Scene, x: number, footY: number, height: number): void {
  const { ctx, palette, rng } = scene;
  const u = height / 100;
  const leaf = rng.pick(['#3bb273', '#2a9d8f', '#57cc99']);
  ctx.fillStyle = leaf;
  for (let i = 0; i < 6; i++) {
    const angle = -Math.PI / 2 + (i - 2.5) * 0.32 + rng.range(-0.08, 0.08);
    const len = u * rng.range(48, 70);
    ctx.save();
    ctx.translate(x, footY - u * 30);
    ctx.rotate(angle);
    ctx.beginPath();
    ctx.ellipse(len / 2, 0, len / 2, u * 7, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.restore();
  }
  ctx.fillStyle = palette.accents[0]!;
  ctx.beginPath();
  ctx.moveTo(x - u * 18, footY - u * 32);
  ctx.lineTo(x + u * 18, footY - u * 32);
  ctx.lineTo(x + u * 13, footY);
  ctx.lineTo(x - u * 13, footY);
  ctx.closePath();
  ctx.fill();
}
