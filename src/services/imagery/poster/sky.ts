import { mix } from './palette.js';
import type { Scene } from './shapes.js';

const SUN = '#ffc94a';
const MOONLIGHT = '#fff1c1';

/** A flat sun with a soft halo and rounded rays. */
export function sun(scene: Scene, cx: number, cy: number, r: number): void {
  const { ctx, palette, rng } = scene;
  ctx.fillStyle = mix(SUN, palette.sky, 0.55);
  ctx.beginPath();
  ctx.arc(cx, cy, r * 1.55, 0, Math.PI * 2);
  ctx.fill();
  const rays = rng.int(10, 14);
  ctx.strokeStyle = SUN;
  ctx.lineWidth = r * 0.16;
  ctx.lineCap = 'round';
  ctx.beginPath();
  for (let i = 0; i < rays; i++) {
    const a = (i / rays) * Math.PI * 2;
    ctx.moveTo(cx + Math.cos(a) * r * 1.2, cy + Math.sin(a) * r * 1.2);
    ctx.lineTo(cx + Math.cos(a) * r * 1.45, cy + Math.sin(a) * r * 1.45);
  }
  ctx.stroke();
  ctx.fillStyle = SUN;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
}

/** A crescent moon: a disc with a sky-coloured disc taken out of it. */
export function moon(scene: Scene, cx: number, cy: number, r: number): void {
  const { ctx, palette } = scene;
  ctx.fillStyle = mix(MOONLIGHT, palette.sky, 0.7);
  ctx.beginPath();
  ctx.arc(cx, cy, r * 1.5, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = MOONLIGHT;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = mix(MOONLIGHT, palette.sky, 0.7);
  ctx.beginPath();
  ctx.arc(cx + r * 0.45, cy - r * 0.3, r * 0.85, 0, Math.PI * 2);
  ctx.fill();
}

/** Four-pointed sparkles scattered above the horizon. */
export function stars(scene: Scene, count: number): void {
  const { ctx, rng, unit, x, y, w, horizon } = scene;
  ctx.fillStyle = MOONLIGHT;
  for (let i = 0; i < count; i++) {
    const sx = x + rng.next() * w;
    const sy = y + rng.next() * (horizon - y) * 0.85;
    const s = unit * rng.range(0.7, 1.8);
    ctx.beginPath();
    ctx.moveTo(sx, sy - s * 2);
    ctx.quadraticCurveTo(sx, sy, sx + s * 2, sy);
    ctx.quadraticCurveTo(sx, sy, sx, sy + s * 2);
    ctx.quadraticCurveTo(sx, sy, sx - s * 2, sy);
    ctx.quadraticCurveTo(sx, sy, sx, sy - s * 2);
    ctx.fill();
  }
}

/** A flat cloud: overlapping circles on a rounded base. */
export function cloud(scene: Scene, cx: number, cy: number, size: number, color: string): void {
  const { ctx } = scene;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.roundRect(cx - size, cy - size * 0.35, size * 2, size * 0.7, size * 0.35);
  ctx.moveTo(cx - size * 0.2 + size * 0.55, cy - size * 0.3);
  ctx.arc(cx - size * 0.2, cy - size * 0.3, size * 0.55, 0, Math.PI * 2);
  ctx.moveTo(cx + size * 0.45 + size * 0.4, cy - size * 0.2);
  ctx.arc(cx + size * 0.45, cy - size * 0.2, size * 0.4, 0, Math.PI * 2);
  ctx.fill();
}

/** Grey-lilac clouds with slanted drops under them. */
export function rain(scene: Scene, count: number): void {
  const { ctx, rng, unit, x, y, w, horizon, palette } = scene;
  const grey = mix('#aab1d6', palette.sky, 0.2);
  for (let i = 0; i < count; i++) {
    const cx = x + w * ((i + 0.5) / count) + rng.range(-6, 6) * unit;
    const cy = y + (horizon - y) * rng.range(0.22, 0.42);
    const size = unit * rng.range(9, 13);
    ctx.strokeStyle = mix(palette.water, '#3d5a98', 0.25);
    ctx.lineWidth = unit * 0.9;
    ctx.lineCap = 'round';
    ctx.beginPath();
    for (let d = 0; d < 7; d++) {
      const dx = cx - size * 0.8 + d * size * 0.27 + rng.range(-1, 1) * unit;
      const dy = cy + size * 0.55 + rng.range(0, 12) * unit;
      ctx.moveTo(dx, dy);
      ctx.lineTo(dx - unit * 1.2, dy + unit * 4);
    }
    ctx.stroke();
    cloud(scene, cx, cy, size, grey);
  }
}

/** Ringed pastel planets. */
export function planets(scene: Scene, count: number, avoidX: number): void {
  const { ctx, rng, unit, x, y, w, horizon, palette } = scene;
  for (let i = 0; i < count; i++) {
    let cx = x + w * rng.range(0.12, 0.88);
    if (Math.abs(cx - avoidX) < w * 0.2) cx = x + w - (cx - x);
    const cy = y + (horizon - y) * rng.range(0.25, 0.7);
    const r = unit * rng.range(4, 9);
    const color = palette.accents[(i + 2) % palette.accents.length]!;
    ctx.fillStyle = mix(color, '#ffffff', 0.25);
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.strokeStyle = mix(color, palette.ink, 0.2);
    ctx.lineWidth = unit * 0.9;
    ctx.beginPath();
    ctx.ellipse(cx, cy, r * 1.8, r * 0.45, -0.35, 0, Math.PI * 2);
    ctx.stroke();
  }
}

/** Triangle bunting strung across the top of the scene. */
export function bunting(scene: Scene): void {
  const { ctx, unit, x, y, w, palette, rng } = scene;
  const top = y + unit * rng.range(4, 8);
  const sag = unit * 6;
  const flags = Math.max(6, Math.round(w / (unit * 9)));
  const at = (t: number) => top + sag * 4 * t * (1 - t);
  ctx.strokeStyle = palette.ink;
  ctx.lineWidth = unit * 0.35;
  ctx.beginPath();
  ctx.moveTo(x, top);
  ctx.quadraticCurveTo(x + w / 2, top + sag * 2, x + w, top);
  ctx.stroke();
  for (let i = 0; i < flags; i++) {
    const t0 = (i + 0.15) / flags;
    const t1 = (i + 0.85) / flags;
    ctx.fillStyle = palette.accents[i % palette.accents.length]!;
    ctx.beginPath();
    ctx.moveTo(x + w * t0, at(t0));
    ctx.lineTo(x + w * t1, at(t1));
    ctx.lineTo(x + (w * (t0 + t1)) / 2, (at(t0) + at(t1)) / 2 + unit * 5);
    ctx.closePath();
    ctx.fill();
  }
}

/** A tilted cartoon rocket with a round window and a flame. */
export function rocket(scene: Scene, cx: number, cy: number, size: number): void {
  const { ctx, palette } = scene;
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate(0.6);
  ctx.fillStyle = SUN;
  ctx.beginPath();
  ctx.moveTo(-size * 0.22, size * 0.5);
  ctx.quadraticCurveTo(0, size * 1.05, size * 0.22, size * 0.5);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = palette.accents[0]!;
  for (const side of [-1, 1]) {
    ctx.beginPath();
    ctx.moveTo(side * size * 0.2, size * 0.05);
    ctx.lineTo(side * size * 0.45, size * 0.55);
    ctx.lineTo(side * size * 0.2, size * 0.45);
    ctx.closePath();
    ctx.fill();
  }
  ctx.fillStyle = '#f4f1ff';
  ctx.beginPath();
  ctx.moveTo(0, -size);
  ctx.bezierCurveTo(size * 0.38, -size * 0.6, size * 0.3, size * 0.3, size * 0.22, size * 0.5);
  ctx.lineTo(-size * 0.22, size * 0.5);
  ctx.bezierCurveTo(-size * 0.3, size * 0.3, -size * 0.38, -size * 0.6, 0, -size);
  ctx.fill();
  ctx.fillStyle = palette.accents[1]!;
  ctx.beginPath();
  ctx.arc(0, -size * 0.2, size * 0.13, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}
