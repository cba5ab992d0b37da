import { mix } from './palette.js';
import type { Scene } from './shapes.js';

/** A skyline of blocky pastel buildings with window grids. */
export function city(scene: Scene): void {
  const { ctx, rng, unit, x, w, horizon, palette } = scene;
  let bx = x - unit * rng.range(0, 6);
  while (bx < x + w) {
    const bw = unit * rng.range(9, 15);
    const bh = unit * rng.range(16, 44);
    const top = horizon + unit * 4 - bh;
    const body = mix(rng.pick(palette.accents), '#ffffff', 0.3);
    ctx.fillStyle = body;
    ctx.fillRect(bx, top, bw, bh);
    if (rng.chance(0.3)) ctx.fillRect(bx + bw * 0.45, top - unit * 5, unit * 0.8, unit * 5);
    ctx.fillStyle = mix(body, '#ffffff', 0.55);
    const cols = Math.max(2, Math.floor(bw / (unit * 3.6)));
    const gap = bw / cols;
    for (let row = top + unit * 2.5; row < horizon - unit * 2; row += unit * 4.5) {
      for (let c = 0; c < cols; c++) ctx.fillRect(bx + c * gap + gap * 0.28, row, gap * 0.44, unit * 2.2);
    }
    bx += bw + unit * rng.range(0.5, 3);
  }
}

/** A storybook castle: crenellated wall, keep, and two cone-roofed towers with pennants. */
export function castle(scene: Scene, cx: number): void {
  const { ctx, rng, unit, horizon, palette } = scene;
  const stone = mix(palette.accents[3]!, '#ffffff', 0.45);
  const base = horizon + unit * 4;
  const battlements = (left: number, top: number, width: number) => {
    const teeth = Math.max(3, Math.round(width / (unit * 3.4)));
    const tw = width / (teeth * 2 - 1);
    for (let i = 0; i < teeth; i++) ctx.fillRect(left + i * tw * 2, top - unit * 2.4, tw, unit * 2.4);
  };
  ctx.fillStyle = stone;
  const wallW = unit * 44;
  const wallH = unit * 18;
  ctx.fillRect(cx - wallW / 2, base - wallH, wallW, wallH);
  battlements(cx - wallW / 2, base - wallH, wallW);
  const keepW = unit * 15;
  const keepH = unit * 30;
  ctx.fillRect(cx - keepW / 2, base - keepH, keepW, keepH);
  battlements(cx - keepW / 2, base - keepH, keepW);
  const roof = rng.pick(palette.accents);
  for (const side of [-1, 1]) {
    const tx = cx + side * (wallW / 2 - unit * 2);
    const tw = unit * 10;
    const th = unit * 33;
    ctx.fillStyle = stone;
    ctx.fillRect(tx - tw / 2, base - th, tw, th);
    ctx.fillStyle = roof;
    ctx.beginPath();
    ctx.moveTo(tx - tw * 0.65, base - th);
    ctx.lineTo(tx, base - th - unit * 13);
    ctx.lineTo(tx + tw * 0.65, base - th);
    ctx.closePath();
    ctx.fill();
    ctx.fillStyle = palette.accents[1]!;
    ctx.beginPath();
    ctx.moveTo(tx, base - th - unit * 17);
    ctx.lineTo(tx + unit * 5, base - th - unit * 15.5);
    ctx.lineTo(tx, base - th - unit * 14);
    ctx.closePath();
    ctx.fill();
    ctx.fillRect(tx - unit * 0.25, base - th - unit * 17, unit * 0.5, unit * 4);
    ctx.fillStyle = mix(stone, palette.ink, 0.35);
    ctx.beginPath();
    ctx.roundRect(tx - unit * 1.2, base - th * 0.7, unit * 2.4, unit * 4.5, [unit * 1.2, unit * 1.2, 0, 0]);
    ctx.fill();
  }
  ctx.fillStyle = mix(stone, palette.ink, 0.45);
  ctx.beginPath();
  ctx.roundRect(cx - unit * 4, base - unit * 12, unit * 8, unit * 12, [unit * 4, unit * 4, 0, 0]);
  ctx.fill();
}

/** A row of small houses with pitched roofs. */
export function village(scene: Scene, avoid: { from: number; to: number } | undefined): void {
  const { ctx, rng, unit, x, w, horizon, palette } = scene;
  const count = rng.int(3, 5);
  for (let i = 0; i < count; i++) {
    const hx = x + w * ((i + 0.5) / count) + rng.range(-4, 4) * unit;
    if (avoid && hx > avoid.from && hx < avoid.to) continue;
    const size = unit * rng.range(12, 17);
    const base = horizon + unit * rng.range(2.5, 4);
    const wall = mix(rng.pick(palette.accents), '#ffffff', 0.55);
    ctx.fillStyle = wall;
    ctx.fillRect(hx - size / 2, base - size, size, size);
    ctx.fillStyle = rng.pick(palette.accents);
    ctx.beginPath();
    ctx.moveTo(hx - size * 0.65, base - size);
    ctx.lineTo(hx, base - size * 1.7);
    ctx.lineTo(hx + size * 0.65, base - size);
    ctx.closePath();
    ctx.fill();
    ctx.fillStyle = mix(wall, palette.ink, 0.5);
    ctx.fillRect(hx - size * 0.12, base - size * 0.55, size * 0.24, size * 0.55);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(hx + size * 0.18, base - size * 0.8, size * 0.2, size * 0.2);
    ctx.fillRect(hx - size * 0.38, base - size * 0.8, size * 0.2, size * 0.2);
  }
}
