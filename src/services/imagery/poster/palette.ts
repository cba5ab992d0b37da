import type { Rng } from './random.js';

/** The colours of one poster. Every value is a `#rrggbb` string. */
export interface Palette {
  /** The poster's paper, around the scene and behind the caption. */
  paper: string;
  /** Text and outlines. */
  ink: string;
  sky: string;
  /** Big soft shapes floating in the sky. */
  blob: string;
  ground: string;
  hill: string;
  water: string;
  /** Bright flat colours for clothes, confetti, buildings. */
  accents: readonly string[];
  /** Corporate memphis skin: deliberately not human. */
  skins: readonly string[];
  /** The rubber stamp's ink. */
  stamp: string;
}

type BasePalette = Omit<Palette, 'paper' | 'ink'>;

// Curated rather than generated: random pastels rarely look like a brand guideline.
const PALETTES: readonly BasePalette[] = [
  {
    sky: '#e7e0ff',
    blob: '#d4c8ff',
    ground: '#c6f0dc',
    hill: '#a8e3c8',
    water: '#8fc9f2',
    accents: ['#7b61ff', '#ff8fab', '#ffc857', '#3dd6d0', '#ff6b4a'],
    skins: ['#8c6cf0', '#f2a07b', '#5b8def', '#c46ad8'],
    stamp: '#d7263d',
  },
  {
    sky: '#ffe6d5',
    blob: '#ffd1b8',
    ground: '#ffeab0',
    hill: '#ffd98a',
    water: '#93d3e8',
    accents: ['#ff6f59', '#2f5bd3', '#43b89c', '#ffb400', '#b980f0'],
    skins: ['#2f5bd3', '#e07a5f', '#9b6bd6', '#f4a261'],
    stamp: '#c81d4e',
  },
  {
    sky: '#d9f2ff',
    blob: '#bfe6fb',
    ground: '#d7f5c4',
    hill: '#b5e8a0',
    water: '#6fb7e8',
    accents: ['#ff7aa2', '#ffcf3d', '#5a4fcf', '#26c1a3', '#ff8c42'],
    skins: ['#ff8c42', '#5a4fcf', '#f28b82', '#3aa5a0'],
    stamp: '#d62839',
  },
  {
    sky: '#fff2c7',
    blob: '#ffe49a',
    ground: '#ffd6e0',
    hill: '#ffbfd0',
    water: '#9fd8f0',
    accents: ['#ef476f', '#118ab2', '#06d6a0', '#7357c8', '#ff9f1c'],
    skins: ['#7357c8', '#ef8354', '#118ab2', '#e5989b'],
    stamp: '#c1121f',
  },
  {
    sky: '#e3f7ee',
    blob: '#c8eedd',
    ground: '#fde2c8',
    hill: '#f9caa0',
    water: '#7cc6d9',
    accents: ['#f25f5c', '#247ba0', '#ffe066', '#8e7dbe', '#70c1b3'],
    skins: ['#8e7dbe', '#f25f5c', '#e9a178', '#247ba0'],
    stamp: '#b5172f',
  },
  {
    sky: '#ffe0ec',
    blob: '#ffc6dc',
    ground: '#dff3ff',
    hill: '#c2e6fb',
    water: '#7fb8ef',
    accents: ['#6c5ce7', '#00b894', '#fdcb6e', '#e17055', '#0984e3'],
    skins: ['#6c5ce7', '#e17055', '#fab1a0', '#00a8a8'],
    stamp: '#c0392b',
  },
  {
    sky: '#ece8ff',
    blob: '#fde7c9',
    ground: '#ffe9d6',
    hill: '#ffd2b0',
    water: '#94c5f8',
    accents: ['#4f46e5', '#f472b6', '#34d399', '#fbbf24', '#fb7185'],
    skins: ['#f59e7b', '#4f46e5', '#a78bfa', '#2dd4bf'],
    stamp: '#be123c',
  },
  {
    sky: '#defaf4',
    blob: '#ffe3f1',
    ground: '#fff4c2',
    hill: '#ffe58f',
    water: '#7ad3e0',
    accents: ['#ff5d8f', '#3a86ff', '#8338ec', '#ffbe0b', '#2ec4b6'],
    skins: ['#8338ec', '#ff9770', '#3a86ff', '#d291bc'],
    stamp: '#d00000',
  },
];

const PAPER = '#fff9ef';
const INK = '#1f1b3d';

/** Picks and slightly tints a palette; `night` swaps in a dusky pastel sky. */
export function choosePalette(rng: Rng, options: { night: boolean }): Palette {
  const base = rng.pick(PALETTES);
  // A small seeded hue turn keeps two briefs that land on one palette from sharing a sky.
  const turn = rng.range(-14, 14);
  const tint = (hex: string) => rotateHue(hex, turn);
  const palette: Palette = {
    paper: PAPER,
    ink: INK,
    sky: tint(base.sky),
    blob: tint(base.blob),
    ground: tint(base.ground),
    hill: tint(base.hill),
    water: tint(base.water),
    accents: rng.shuffle(base.accents),
    skins: rng.shuffle(base.skins),
    stamp: base.stamp,
  };
  if (!options.night) return palette;
  return {
    ...palette,
    sky: rotateHue('#4a4a8c', turn),
    blob: rotateHue('#5e5aa6', turn),
    ground: rotateHue('#9892d4', turn),
    hill: rotateHue('#7f79c2', turn),
    water: rotateHue('#6d7fd0', turn),
  };
}

/** Linear mix of two `#rrggbb` colours; `t = 0` is `a`. */
export function mix(a: string, b: string, t: number): string {
  const [ar, ag, ab] = toRgb(a);
  const [br, bg, bb] = toRgb(b);
  return toHex(ar + (br - ar) * t, ag + (bg - ag) * t, ab + (bb - ab) * t);
}

/** Rotates a colour's hue by `degrees`, keeping its lightness and saturation. */
export function rotateHue(hex: string, degrees: number): string {
  const [r, g, b] = toRgb(hex).map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  if (d === 0) return hex;
  const s = d / (1 - Math.abs(2 * l - 1));
  let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  h = (((h * 60 + degrees) % 360) + 360) % 360;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r1, g1, b1] =
    h < 60
      ? [c, x, 0]
      : h < 120
        ? [x, c, 0]
        : h < 180
          ? [0, c, x]
          : h < 240
            ? [0, x, c]
            : h < 300
              ? [x, 0, c]
              : [c, 0, x];
  return toHex((r1 + m) * 255, (g1 + m) * 255, (b1 + m) * 255);
}

function toRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(r: number, g: number, b: number): string {
  const c = (v: number) =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}
