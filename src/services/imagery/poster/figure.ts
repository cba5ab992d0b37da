import type { SKRSContext2D } from '@napi-rs/canvas';
import { mix } from './palette.js';
import { helmet, prop } from './props.js';

export type Pose = 'wave' | 'cheer' | 'point' | 'hold' | 'walk';
export type Prop = 'balloon' | 'flag' | 'heart' | 'laptop' | 'none';
export type Hair = 'cap' | 'bun' | 'bob' | 'curls' | 'none' | 'helmet';
export type Point = readonly [number, number];

/** One flat, faceless, smiling person with the oversized limbs of the corporate memphis style. */
export interface FigureSpec {
  x: number;
  footY: number;
  height: number;
  facing: 1 | -1;
  pose: Pose;
  prop: Prop;
  hair: Hair;
  skin: string;
  shirt: string;
  pants: string;
  shoes: string;
  hairColor: string;
  propColor: string;
}

/** Draws one figure; its proportions are in hundredths of `height`, feet at `footY`. */
export function drawFigure(ctx: SKRSContext2D, f: FigureSpec): void {
  const u = f.height / 100;
  const d = f.facing;
  const at = (dx: number, dy: number): Point => [f.x + dx * u * d, f.footY + dy * u];
  const hip = at(0, -46);
  const shoulders: [Point, Point] = [at(9, -73), at(-9, -73)];
  const [front, back] = arms(f.pose);

  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  limb(ctx, shoulders[1], back, f, u);
  const stride = f.pose === 'walk' ? 15 : 7;
  for (const side of [-1, 1]) {
    const foot = at(side * stride, 0);
    leg(ctx, [hip[0] + side * d * 4.5 * u, hip[1]], foot, u, f.pants);
    ctx.fillStyle = f.shoes;
    ctx.beginPath();
    ctx.ellipse(foot[0] + d * 3 * u, foot[1] - 1.6 * u, 6 * u, 2.8 * u, 0, Math.PI, 0);
    ctx.closePath();
    ctx.fill();
  }
  ctx.fillStyle = f.shirt;
  ctx.beginPath();
  ctx.moveTo(...at(-9, -45));
  ctx.lineTo(...at(9, -45));
  ctx.lineTo(...at(11, -68));
  ctx.quadraticCurveTo(...at(11, -75), ...at(4, -75));
  ctx.lineTo(...at(-4, -75));
  ctx.quadraticCurveTo(...at(-11, -75), ...at(-11, -68));
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = f.skin;
  ctx.fillRect(f.x - 1.8 * u, f.footY - 79 * u, 3.6 * u, 5 * u);
  head(ctx, at(1, -84), u, f);
  limb(ctx, shoulders[0], front, f, u);
  prop(ctx, f, shoulders[0], front, u);
}

/** Elbow and hand offsets (in units, facing right) from each shoulder: [front, back]. */
function arms(pose: Pose): [[Point, Point], [Point, Point]] {
  switch (pose) {
    case 'wave':
      return [
        [
          [14, -10],
          [16, -34],
        ],
        [
          [-8, 18],
          [-5, 36],
        ],
      ];
    case 'cheer':
      return [
        [
          [16, -8],
          [22, -32],
        ],
        [
          [-16, -8],
          [-22, -32],
        ],
      ];
    case 'point':
      return [
        [
          [18, 2],
          [38, -4],
        ],
        [
          [-14, 10],
          [-4, 24],
        ],
      ];
    case 'hold':
      return [
        [
          [6, 20],
          [20, 14],
        ],
        [
          [-8, 18],
          [-5, 36],
        ],
      ];
    case 'walk':
      return [
        [
          [8, 18],
          [20, 32],
        ],
        [
          [-8, 18],
          [-18, 30],
        ],
      ];
  }
}

function limb(ctx: SKRSContext2D, shoulder: Point, [elbow, hand]: [Point, Point], f: FigureSpec, u: number): void {
  const d = f.facing;
  const e: Point = [shoulder[0] + elbow[0] * u * d, shoulder[1] + elbow[1] * u];
  const h: Point = [shoulder[0] + hand[0] * u * d, shoulder[1] + hand[1] * u];
  ctx.strokeStyle = f.shirt;
  ctx.lineWidth = 6.5 * u;
  ctx.beginPath();
  ctx.moveTo(...shoulder);
  ctx.quadraticCurveTo(...e, h[0] * 0.2 + e[0] * 0.8, h[1] * 0.2 + e[1] * 0.8);
  ctx.stroke();
  ctx.strokeStyle = f.skin;
  ctx.lineWidth = 5 * u;
  ctx.beginPath();
  ctx.moveTo(h[0] * 0.2 + e[0] * 0.8, h[1] * 0.2 + e[1] * 0.8);
  ctx.quadraticCurveTo(e[0] * 0.4 + h[0] * 0.6, e[1] * 0.4 + h[1] * 0.6, ...h);
  ctx.stroke();
  ctx.fillStyle = f.skin;
  ctx.beginPath();
  ctx.arc(h[0], h[1], 3.6 * u, 0, Math.PI * 2);
  ctx.fill();
}

function leg(ctx: SKRSContext2D, hip: Point, foot: Point, u: number, color: string): void {
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(hip[0] - 5.5 * u, hip[1]);
  ctx.lineTo(hip[0] + 5.5 * u, hip[1]);
  ctx.quadraticCurveTo((hip[0] + foot[0]) / 2 + 4 * u, (hip[1] + foot[1]) / 2, foot[0] + 2.6 * u, foot[1] - 2 * u);
  ctx.lineTo(foot[0] - 2.6 * u, foot[1] - 2 * u);
  ctx.quadraticCurveTo((hip[0] + foot[0]) / 2 - 4 * u, (hip[1] + foot[1]) / 2, hip[0] - 5.5 * u, hip[1]);
  ctx.closePath();
  ctx.fill();
}

function head(ctx: SKRSContext2D, [hx, hy]: Point, u: number, f: FigureSpec): void {
  const r = 6.5 * u;
  const d = f.facing;
  ctx.fillStyle = f.hairColor;
  if (f.hair === 'bob') {
    ctx.beginPath();
    ctx.roundRect(hx - r * 1.15 - d * r * 0.25, hy - r * 1.15, r * 2.3, r * 2.1, r);
    ctx.fill();
  }
  ctx.fillStyle = f.skin;
  ctx.beginPath();
  ctx.arc(hx, hy, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = f.hairColor;
  ctx.beginPath();
  if (f.hair === 'cap' || f.hair === 'bun' || f.hair === 'bob') {
    ctx.arc(hx - d * r * 0.15, hy - r * 0.1, r * 1.08, Math.PI * 1.05, Math.PI * 1.95);
    ctx.closePath();
  }
  if (f.hair === 'bun') ctx.arc(hx - d * r * 0.7, hy - r * 1.1, r * 0.55, 0, Math.PI * 2);
  if (f.hair === 'curls') {
    for (let i = 0; i < 5; i++) {
      const a = Math.PI * (1.05 + i * 0.225);
      ctx.moveTo(hx + Math.cos(a) * r + r * 0.42, hy + Math.sin(a) * r);
      ctx.arc(hx + Math.cos(a) * r, hy + Math.sin(a) * r, r * 0.42, 0, Math.PI * 2);
    }
  }
  ctx.fill();
  if (f.hair === 'helmet') helmet(ctx, hx, hy, r, f);
  ctx.strokeStyle = mix(f.skin, '#1f1b3d', 0.65);
  ctx.lineWidth = 1 * u;
  ctx.beginPath();
  ctx.arc(hx + d * r * 0.3, hy + r * 0.05, r * 0.45, Math.PI * 0.15, Math.PI * 0.85);
  ctx.stroke();
}
