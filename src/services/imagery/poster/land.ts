import { mix } from './palette.js';
import type { Scene } from './shapes.js';

const GREENS = ['#5cc689', '#3fa66b', '#8fd694', '#4fb7a0'];

/** A rolling hill rising behind the horizon; drawn before the scenery that stands on it. */
export function hill(scene: Scene): void {
  const { ctx, rng, unit, x, w, horizon, palette } = scene;
  ctx.fillStyle = palette.hill;
  ctx.beginPath();
  ctx.ellipse(
    x + w * rng.range(0.1, 0.9),
    horizon + unit * 4,
    w * rng.range(0.35, 0.55),
    unit * rng.range(9, 14),
    0,
    Math.PI,
    0,
  );
  ctx.fill();
}

/** The ground: a gently curved band from the horizon down. */
export function ground(scene: Scene): void {
  const { ctx, rng, unit, x, y, w, h, horizon, palette } = scene;
  const lift = unit * rng.range(-3, 3);
  ctx.fillStyle = palette.ground;
  ctx.beginPath();
  ctx.moveTo(x, horizon + lift);
  ctx.bezierCurveTo(x + w * 0.35, horizon - unit * 3, x + w * 0.65, horizon + unit * 3, x + w, horizon - lift);
  ctx.lineTo(x + w, y + h);
  ctx.lineTo(x, y + h);
  ctx.closePath();
  ctx.fill();
}

/** Layered triangular mountains with snow caps, standing on the horizon. */
export function mountains(scene: Scene): void {
  const { ctx, rng, unit, x, w, horizon, palette } = scene;
  const count = rng.int(2, 4);
  for (let i = 0; i < count; i++) {
    const cx = x + w * ((i + 0.5) / count) + rng.range(-8, 8) * unit;
    const peak = unit * rng.range(24, 42);
    const half = peak * rng.range(0.9, 1.3);
    const base = horizon + unit * 4;
    ctx.fillStyle = mix(palette.blob, palette.ink, 0.12 + 0.06 * (i % 2));
    ctx.beginPath();
    ctx.moveTo(cx - half, base);
    ctx.lineTo(cx, base - peak);
    ctx.lineTo(cx + half, base);
    ctx.closePath();
    ctx.fill();
    const cap = 0.3;
    ctx.fillStyle = '#ffffff';
    ctx.beginPath();
    ctx.moveTo(cx, base - peak);
    ctx.lineTo(cx + half * cap, base - peak * (1 - cap));
    ctx.lineTo(cx + half * cap * 0.35, base - peak * (1 - cap * 0.75));
    ctx.lineTo(cx, base - peak * (1 - cap));
    ctx.lineTo(cx - half * cap * 0.4, base - peak * (1 - cap * 0.7));
    ctx.lineTo(cx - half * cap, base - peak * (1 - cap));
    ctx.closePath();
    ctx.fill();
  }
}

/** Lollipop and cone trees along the horizon. */
export function trees(scene: Scene, count: number): void {
  const { ctx, rng, unit, x, w, horizon, palette } = scene;
  const trunk = mix('#9c6b4e', palette.ink, 0.1);
  for (let i = 0; i < count; i++) {
    const tx = x + w * ((i + rng.range(0.2, 0.8)) / count);
    const base = horizon + unit * rng.range(3, 9);
    const height = unit * rng.range(20, 36);
    ctx.fillStyle = trunk;
    ctx.fillRect(tx - unit * 0.9, base - height * 0.55, unit * 1.8, height * 0.55);
    ctx.fillStyle = rng.pick(GREENS);
    ctx.beginPath();
    if (rng.chance(0.6)) {
      ctx.arc(tx, base - height * 0.7, height * 0.32, 0, Math.PI * 2);
    } else {
      ctx.moveTo(tx, base - height * 1.1);
      ctx.lineTo(tx + height * 0.28, base - height * 0.35);
      ctx.lineTo(tx - height * 0.28, base - height * 0.35);
      ctx.closePath();
    }
    ctx.fill();
  }
}

/** The sea from the horizon down, with scalloped wave lines, a sail, and a strip of beach at the front. */
export function sea(scene: Scene): void {
  const { ctx, rng, unit, x, y, w, h, horizon, palette } = scene;
  ctx.fillStyle = palette.water;
  ctx.fillRect(x, horizon, w, y + h - horizon);
  ctx.strokeStyle = mix(palette.water, '#ffffff', 0.45);
  ctx.lineWidth = unit * 0.9;
  ctx.lineCap = 'round';
  for (let row = 0; row < 4; row++) {
    const wy = horizon + unit * (5 + row * 6);
    const span = unit * rng.range(6, 9);
    const start = x + rng.range(0, span);
    ctx.beginPath();
    for (let wx = start; wx < x + w; wx += span * 3) {
      ctx.moveTo(wx, wy);
      ctx.quadraticCurveTo(wx + span / 2, wy - unit * 2, wx + span, wy);
    }
    ctx.stroke();
  }
  const bx = x + w * rng.range(0.15, 0.85);
  const by = horizon + unit * 8;
  ctx.fillStyle = palette.paper;
  ctx.beginPath();
  ctx.moveTo(bx, by - unit * 12);
  ctx.lineTo(bx + unit * 7, by - unit * 1.5);
  ctx.lineTo(bx, by - unit * 1.5);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = palette.accents[0]!;
  ctx.beginPath();
  ctx.moveTo(bx - unit * 6, by - unit);
  ctx.lineTo(bx + unit * 9, by - unit);
  ctx.lineTo(bx + unit * 6, by + unit * 2);
  ctx.lineTo(bx - unit * 4, by + unit * 2);
  ctx.closePath();
  ctx.fill();
  const beach = y + h - unit * 12;
  ctx.fillStyle = palette.ground;
  ctx.beginPath();
  ctx.moveTo(x, beach);
  ctx.bezierCurveTo(x + w * 0.3, beach - unit * 5, x + w * 0.7, beach + unit * 4, x + w, beach - unit * 2);
  ctx.lineTo(x + w, y + h);
  ctx.lineTo(x, y + h);
  ctx.closePath();
  ctx.fill();
}

/** Flat flowers along the front edge of the scene. */
export function flowers(scene: Scene, count: number): void {
  const { ctx, rng, unit, x, y, w, h, palette } = scene;
  for (let i = 0; i < count; i++) {
    const fx = x + w * ((i + rng.range(0.1, 0.9)) / count);
    const base = y + h + unit;
    const stem = unit * rng.range(6, 12);
    const r = unit * rng.range(1.3, 2.1);
    ctx.strokeStyle = GREENS[1]!;
    ctx.lineWidth = unit * 0.7;
    ctx.beginPath();
    ctx.moveTo(fx, base);
    ctx.lineTo(fx, base - stem);
    ctx.stroke();
    ctx.fillStyle = rng.pick(palette.accents);
    ctx.beginPath();
    for (let p = 0; p < 5; p++) {
      const a = (p / 5) * Math.PI * 2;
      const px = fx + Math.cos(a) * r;
      const py = base - stem + Math.sin(a) * r;
      ctx.moveTo(px + r * 0.8, py);
      ctx.arc(px, py, r * 0.8, 0, Math.PI * 2);
    }
    ctx.fill();
    ctx.fillStyle = '#ffe27a';
    ctx.beginPath();
    ctx.arc(fx, base - stem, r * 0.6, 0, Math.PI * 2);
    ctx.fill();
  }
}
