import { drawFigure, type Hair, type Pose, type Prop } from './figure.js';
import { mix } from './palette.js';
import type { Scene } from './shapes.js';

export interface CastOptions {
  count: number;
  footY: number;
  height: number;
  /** The lowest y something drawn later covers over a column; a figure under it shrinks so its head stays clear. */
  ceiling?: (x0: number, x1: number) => number;
  /** The first figure wears a plumed helmet and carries a pennant: a brand-safe knight. */
  knight?: boolean;
}

/** Draws a seeded cast of figures standing on `footY`, spread across the scene. */
export function castFigures(scene: Scene, options: CastOptions): void {
  const { count, footY, height, ceiling = () => Number.NEGATIVE_INFINITY } = options;
  const { rng, palette, x, w } = scene;
  const slots = rng.shuffle(Array.from({ length: count }, (_, i) => (i + 0.5) / count));
  const accents = palette.accents;
  for (const [i, slot] of slots.entries()) {
    const tall = height * rng.range(0.9, 1.05);
    const headroom = (at: number) => (footY - ceiling(at - tall * 0.1, at + tall * 0.1) - scene.unit * 2) / 0.96;
    // Step sideways out from under the stamp rather than shrink, if a nearby spot has room.
    const wanted = x + w * (slot + rng.range(-0.25, 0.25) / count);
    const spots = [0, -0.06, 0.06, -0.12, 0.12, -0.18, 0.18]
      .map((shift) => Math.min(x + w * 0.92, Math.max(x + w * 0.08, wanted + shift * w)))
      .map((at) => ({ at, room: headroom(at) }));
    const spot = spots.find((c) => c.room >= tall) ?? spots.reduce((a, b) => (b.room > a.room ? b : a));
    const fx = spot.at;
    const knight = options.knight === true && i === 0;
    const pose = knight ? 'hold' : rng.pick<Pose>(['wave', 'cheer', 'point', 'hold', 'walk']);
    const prop = knight
      ? 'flag'
      : pose === 'hold'
        ? rng.pick<Prop>(['heart', 'laptop', 'flag'])
        : pose === 'wave' && rng.chance(0.4)
          ? 'balloon'
          : 'none';
    drawFigure(scene.ctx, {
      x: fx,
      footY: footY + rng.range(-0.02, 0.02) * height,
      height: Math.max(height * 0.6, Math.min(tall, spot.room)),
      facing: fx < x + w / 2 ? 1 : -1,
      pose,
      prop,
      hair: knight ? 'helmet' : rng.pick<Hair>(['cap', 'bun', 'bob', 'curls', 'none']),
      skin: palette.skins[i % palette.skins.length]!,
      shirt: contrasting(accents, palette.skins[i % palette.skins.length]!, i * 2),
      pants: rng.chance(0.5) ? palette.ink : mix(accents[(i * 2 + 3) % accents.length]!, palette.ink, 0.3),
      shoes: rng.chance(0.5) ? palette.ink : '#ffffff',
      hairColor: rng.pick([palette.ink, '#4a2c2a', '#f5b841', mix(palette.ink, '#7b61ff', 0.3)]),
      propColor: accents[(i * 2 + 1) % accents.length]!,
    });
  }
}

/** The first accent from `start` on that is far enough from `skin` for the sleeve and hand to read apart. */
function contrasting(accents: readonly string[], skin: string, start: number): string {
  for (let k = 0; k < accents.length; k++) {
    const candidate = accents[(start + k) % accents.length]!;
    if (distance(candidate, skin) > 110) return candidate;
  }
  return accents[start % accents.length]!;
}

function distance(a: string, b: string): number {
  const pa = Number.parseInt(a.slice(1), 16);
  const pb = Number.parseInt(b.slice(1), 16);
  const dr = ((pa >> 16) & 255) - ((pb >> 16) & 255);
  const dg = ((pa >> 8) & 255) - ((pb >> 8) & 255);
  const db = (pa & 255) - (pb & 255);
  return Math.sqrt(dr * dr + dg * dg + db * db);
}
