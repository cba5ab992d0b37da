import { castle, city, village } from './buildings.js';
import { castFigures } from './cast.js';
import { flowers, ground, hill, mountains, sea, trees } from './land.js';
import type { Motif } from './motifs.js';
import { mix } from './palette.js';
import { arch, blob, confetti, dotGrid, pottedPlant, type Scene, squiggle } from './shapes.js';
import { bunting, cloud, moon, planets, rain, rocket, stars, sun } from './sky.js';

const LANDSCAPES: readonly Motif[] = ['sea', 'city', 'forest', 'castle', 'village', 'mountains'];

/** Where the stamp will land: the side it covers, and how low it reaches over a column of the scene. */
export interface StampZone {
  side: 'left' | 'right';
  floor: (x0: number, x1: number) => number;
}

// A castle brief gets a castle; only a brief that names a knight gets the helmeted figure.
const KNIGHTLY = /\b(?:knights?|armou?r|armou?red|jousting|paladins?)\b/iu;

/**
 * Paints the illustration: sky, floating blobs, whatever scenery the brief named, the cast, confetti.
 * The sun or moon goes on the side the stamp leaves free, and no face ends up under it.
 */
export function paintScene(scene: Scene, prompt: string, motifs: readonly Motif[], stamp: StampZone): void {
  const { ctx, rng, palette, x, y, w, h, horizon, unit } = scene;
  const has = (m: Motif) => motifs.includes(m);
  const night = has('night') || has('space');
  const abstract = !LANDSCAPES.some(has);

  ctx.fillStyle = palette.sky;
  ctx.fillRect(x, y, w, h);
  const blobs = rng.int(2, 3);
  for (let i = 0; i < blobs; i++) {
    const bx = x + w * ((i + rng.range(0.2, 0.8)) / blobs);
    const color = i === 1 && !night ? mix(palette.accents[2]!, palette.sky, 0.72) : palette.blob;
    blob(scene, bx, y + (horizon - y) * rng.range(0.3, 0.75), Math.min(w, h) * rng.range(0.16, 0.27), color);
  }

  const skyX = x + w * (stamp.side === 'left' ? rng.range(0.68, 0.84) : rng.range(0.16, 0.32));
  const skyY = y + (horizon - y) * rng.range(0.28, 0.42);
  if (has('night')) moon(scene, skyX, skyY, unit * rng.range(7, 10));
  else if (has('sun') || (!night && !has('rain') && rng.chance(0.45)))
    sun(scene, skyX, skyY, unit * (has('sun') ? 9 : 6.5));
  if (night) stars(scene, rng.int(18, 30));
  if (has('space')) {
    planets(scene, rng.int(1, 2), skyX);
    rocket(scene, x + w * (stamp.side === 'left' ? rng.range(0.45, 0.6) : rng.range(0.4, 0.55)), skyY, unit * 11);
  }
  if (!night && !has('rain')) {
    for (let i = rng.int(1, 2); i > 0; i--) {
      cloud(
        scene,
        x + w * rng.range(0.1, 0.9),
        y + (horizon - y) * rng.range(0.15, 0.6),
        unit * rng.range(5, 8),
        '#ffffff',
      );
    }
  }
  const squiggles = rng.int(1, 3);
  for (let i = 0; i < squiggles; i++) {
    squiggle(
      scene,
      x + w * rng.range(0.05, 0.75),
      y + (horizon - y) * rng.range(0.2, 0.85),
      w * rng.range(0.1, 0.18),
      rng.pick(palette.accents),
    );
  }
  dotGrid(
    scene,
    x + w * rng.range(0.05, 0.85),
    y + (horizon - y) * rng.range(0.15, 0.7),
    mix(palette.ink, palette.sky, 0.55),
  );

  if (!has('sea')) hill(scene);
  if (has('mountains')) mountains(scene);
  if (has('city')) city(scene);
  const castleX = x + w * (stamp.side === 'left' ? rng.range(0.58, 0.7) : rng.range(0.3, 0.42));
  if (has('castle')) castle(scene, castleX);
  if (has('village'))
    village(scene, has('castle') ? { from: castleX - unit * 30, to: castleX + unit * 30 } : undefined);
  if (has('forest')) trees(scene, rng.int(4, 7));
  if (abstract) arch(scene, x + w * rng.range(0.2, 0.8), horizon + unit * 2, unit * rng.range(18, 28));
  if (has('sea')) sea(scene);
  else ground(scene);
  if (has('rain')) rain(scene, rng.int(2, 3));
  if (has('crowd')) bunting(scene);

  confetti(scene, { x, y, w, h: horizon - y + unit * 10 }, rng.int(22, 38));
  const crowd = has('crowd');
  const footY = y + h - unit * (has('sea') ? 3 : rng.range(4, 8));
  if (abstract || rng.chance(0.25)) pottedPlant(scene, x + w * (rng.chance(0.5) ? 0.08 : 0.92), footY, unit * 26);
  // Figures are sized by the scene's height but never wider than a share of its width, so tall posters
  // do not get giants; wide ones get more people instead.
  const figure = Math.min(unit * (crowd ? 58 : rng.range(62, 70)), w * (crowd ? 0.42 : 0.5));
  const room = Math.max(1, Math.floor(w / (figure * 0.62)));
  const base = crowd ? rng.int(3, 5) : abstract ? rng.int(1, 3) : rng.int(1, 2);
  const extra = w > h * 1.8 ? 1 : 0;
  castFigures(scene, {
    count: Math.min(room, base + extra),
    footY,
    height: figure,
    ceiling: stamp.floor,
    knight: KNIGHTLY.test(prompt),
  });
  if (has('flowers')) flowers(scene, rng.int(7, 11));
}
