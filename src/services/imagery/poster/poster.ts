import type { SKRSContext2D } from '@napi-rs/canvas';
import type { ImageLabel } from '../types.js';
import { fitCaption, sanitizeCaption } from './caption.js';
import { font, type PosterFonts } from './fonts.js';
import { detectMotifs } from './motifs.js';
import { choosePalette, mix, type Palette } from './palette.js';
import { hash32, rngFor } from './random.js';
import { paintScene } from './scene.js';
import { APPROVED_STAMP, drawStamp, type StampWords, stampFloor, stampHeight } from './stamp.js';

export interface PosterContent {
  prompt: string;
  performanceNumber: number;
  seed: number;
  /** Default `approved`. The original submission is stamped REJECTED, never APPROVED. */
  label?: ImageLabel;
}

/** The stamp, the caption's label and the footer line of each kind of poster. */
export const POSTER_LABELS: Record<ImageLabel, { stamp: StampWords; caption: string; footer: string }> = {
  approved: { stamp: APPROVED_STAMP, caption: 'APPROVED PROMPT', footer: 'compliance-theatre · brand-safe rendition' },
  original: {
    stamp: { big: 'REJECTED', small: 'ORIGINAL SUBMISSION' },
    caption: 'ORIGINAL SUBMISSION — NOT APPROVED',
    footer: 'compliance-theatre · as submitted, redactions applied',
  },
  appeal: {
    stamp: { big: 'APPROVED', small: 'ON APPEAL · APPEAL CUT' },
    caption: 'APPROVED ON APPEAL',
    footer: 'compliance-theatre · appeal cut',
  },
};

/**
 * Lays out the whole poster: header chip with the performance number, the illustration, the stamp, the
 * approved prompt as a caption, and the footer. Sizes follow the shorter side, so any aspect ratio works.
 */
export function paintPoster(
  ctx: SKRSContext2D,
  width: number,
  height: number,
  fonts: PosterFonts,
  content: PosterContent,
): void {
  const rng = rngFor(content.prompt, content.seed);
  const motifs = detectMotifs(content.prompt);
  const palette = choosePalette(rng, { night: motifs.includes('night') || motifs.includes('space') });
  const s = Math.min(width, height) / 1024;
  const m = Math.round(40 * s);
  const code = hash32(`${content.seed}:${content.prompt}`).toString(16).padStart(8, '0').slice(0, 4).toUpperCase();
  const ref = `REF CT-${String(content.performanceNumber).padStart(4, '0')}-${code}`;

  ctx.fillStyle = palette.paper;
  ctx.fillRect(0, 0, width, height);

  const chipH = drawHeader(ctx, fonts, palette, { width, s, m, performanceNumber: content.performanceNumber });
  // Footer and caption are laid out bottom-up; the scene takes what is left.
  const labels = POSTER_LABELS[content.label ?? 'approved'];
  const captionTop = drawFooterAndCaption(ctx, fonts, palette, {
    width,
    height,
    s,
    m,
    prompt: content.prompt,
    ref,
    caption: labels.caption,
    footer: labels.footer,
  });

  // The illustration, clipped to a rounded panel.
  const sceneY = m + chipH + 22 * s;
  const scene = { x: m, y: sceneY, w: width - 2 * m, h: captionTop - 30 * s - sceneY };
  // The stamp is placed first so the scene can keep the sun, moon and faces out from under it.
  const side = rng.chance(0.5) ? 'left' : 'right';
  const stampW = Math.min(scene.w * 0.42, 420 * s);
  const stampH = stampHeight(stampW);
  const angle = (side === 'left' ? -1 : 1) * rng.range(0.1, 0.19);
  const reachX = (stampW / 2) * Math.cos(angle) + (stampH / 2) * Math.abs(Math.sin(angle));
  const reachY = (stampH / 2) * Math.cos(angle) + (stampW / 2) * Math.abs(Math.sin(angle));
  const stamp = {
    cx: side === 'left' ? scene.x + reachX + 24 * s : scene.x + scene.w - reachX - 24 * s,
    cy: scene.y + reachY + 18 * s,
    width: stampW,
    angle,
  };
  ctx.save();
  ctx.beginPath();
  ctx.roundRect(scene.x, scene.y, scene.w, scene.h, 30 * s);
  ctx.clip();
  paintScene(
    {
      ctx,
      rng,
      palette,
      ...scene,
      horizon: scene.y + scene.h - Math.min(scene.h, scene.w) * rng.range(0.32, 0.4),
      unit: Math.min(scene.h, scene.w * 0.9) / 100,
    },
    content.prompt,
    motifs,
    { side, floor: (x0, x1) => stampFloor(stamp, x0, x1) },
  );
  ctx.restore();

  drawStamp(ctx, fonts, rng, {
    ...stamp,
    ink: palette.stamp,
    paper: palette.paper,
    words: labels.stamp,
  });
}

interface Frame {
  width: number;
  height: number;
  /** Scale: the shorter side over 1024. */
  s: number;
  /** Outer margin in pixels. */
  m: number;
}

/** The performance number on an ink chip, brand dots on the right. Returns the chip's height. */
function drawHeader(
  ctx: SKRSContext2D,
  fonts: PosterFonts,
  palette: Palette,
  { width, s, m, performanceNumber }: Omit<Frame, 'height'> & { performanceNumber: number },
): number {
  const chipH = Math.round(54 * s);
  const label = `PERFORMANCE №${performanceNumber}`;
  ctx.font = font(fonts.heavy, 27 * s, 800);
  ctx.letterSpacing = `${1.5 * s}px`;
  const chipW = ctx.measureText(label).width + 78 * s;
  ctx.fillStyle = palette.ink;
  ctx.beginPath();
  ctx.roundRect(m, m, chipW, chipH, chipH / 2);
  ctx.fill();
  ctx.fillStyle = palette.stamp;
  ctx.beginPath();
  ctx.arc(m + 30 * s, m + chipH / 2, 7 * s, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = palette.paper;
  ctx.textBaseline = 'middle';
  ctx.fillText(label, m + 50 * s, m + chipH / 2 + 1 * s);
  ctx.letterSpacing = '0px';
  for (let i = 0; i < 3; i++) {
    ctx.fillStyle = palette.accents[i]!;
    ctx.beginPath();
    ctx.arc(width - m - 14 * s - i * 36 * s, m + chipH / 2, 13 * s, 0, Math.PI * 2);
    ctx.fill();
  }

  return chipH;
}

/** The footer line and, above it, the prompt under its label. Returns the caption block's top. */
function drawFooterAndCaption(
  ctx: SKRSContext2D,
  fonts: PosterFonts,
  palette: Palette,
  {
    width,
    height,
    s,
    m,
    prompt,
    ref,
    caption: label,
    footer,
  }: Frame & {
    prompt: string;
    ref: string;
    caption: string;
    footer: string;
  },
): number {
  const footerSize = 18 * s;
  const footerY = height - m * 0.9;
  ctx.textBaseline = 'alphabetic';
  ctx.font = font(fonts.mono, footerSize, 500);
  ctx.fillStyle = mix(palette.ink, palette.paper, 0.3);
  ctx.textAlign = 'left';
  ctx.fillText(footer, m, footerY);
  ctx.textAlign = 'right';
  ctx.fillText(ref, width - m, footerY);
  ctx.textAlign = 'left';

  const textX = m + 28 * s;
  const caption = fitCaption(
    sanitizeCaption(prompt),
    (size) => {
      ctx.font = font(fonts.body, size, 600);
      return (text) => ctx.measureText(text).width;
    },
    { maxWidth: width - textX - m, maxHeight: height * 0.22, minSize: 30 * s, maxSize: 35 * s, lineSpacing: 1.28 },
  );
  const textBlock = caption.lines.length * caption.lineHeight;
  const labelSize = 17 * s;
  const captionTop = footerY - footerSize - 26 * s - textBlock - labelSize - 14 * s;
  ctx.fillStyle = palette.accents[0]!;
  ctx.beginPath();
  ctx.roundRect(m, captionTop - 2 * s, 7 * s, labelSize + 14 * s + textBlock, 3.5 * s);
  ctx.fill();
  ctx.font = font(fonts.heavy, labelSize, 800);
  ctx.letterSpacing = `${3 * s}px`;
  ctx.fillStyle = palette.stamp;
  ctx.textBaseline = 'top';
  ctx.fillText(label, textX, captionTop);
  ctx.letterSpacing = '0px';
  ctx.font = font(fonts.body, caption.fontSize, 600);
  ctx.fillStyle = palette.ink;
  caption.lines.forEach((line, i) => {
    const y = captionTop + labelSize + 14 * s + i * caption.lineHeight + (caption.lineHeight - caption.fontSize) / 2;
    ctx.fillText(line, textX, y);
  });

  return captionTop;
}
