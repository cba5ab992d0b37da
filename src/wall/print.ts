import { crc32 } from 'node:zlib';
import { createCanvas, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import { font, type PosterFonts, registerPosterFonts } from '../services/imagery/poster/fonts.js';
import type { RenderedImage } from '../services/imagery/types.js';
import type { Segment } from '../services/show/frames-types.js';
import type { Performance, Tally } from '../services/store/schemas.js';
import { citationsOf, finalFrame, struckOriginal } from './cards.js';
import { drawSegments, wrapText } from './print-text.js';

/** A3 portrait at 300 dpi: 297 × 420 mm. */
export const PRINT_WIDTH = 3508;
export const PRINT_HEIGHT = 4961;
const DPI = 300;
const M = 240;
const RED = '#c8201a';
const INK = '#1c1d22';

export interface PrintInput {
  performance: Performance;
  poster?: RenderedImage;
  tally: Tally;
}

function label(ctx: SKRSContext2D, fonts: PosterFonts, text: string, y: number): number {
  ctx.fillStyle = RED;
  ctx.font = font(fonts.mono, 50, 500);
  ctx.fillText(text.toUpperCase(), M, y);
  return y + 40;
}

function header(ctx: SKRSContext2D, fonts: PosterFonts, p: Performance): number {
  ctx.fillStyle = INK;
  ctx.font = font(fonts.display, 150);
  ctx.fillText('COMPLIANCE THEATRE', M, 400);
  ctx.font = font(fonts.mono, 52, 500);
  ctx.fillStyle = '#5d606b';
  ctx.fillText('CONTENT STANDARDS DIVISION · RECORD OF PUBLIC REVIEW', M, 490);
  ctx.textAlign = 'right';
  ctx.fillStyle = INK;
  ctx.font = font(fonts.heavy, 84, 800);
  ctx.fillText('REDLINE DOCUMENT', PRINT_WIDTH - M, 330);
  ctx.font = font(fonts.mono, 52, 500);
  ctx.fillText(`Performance №${p.number} · ${p.createdAt.slice(0, 10)}`, PRINT_WIDTH - M, 410);
  ctx.textAlign = 'left';
  ctx.fillRect(M, 545, PRINT_WIDTH - 2 * M, 14);
  ctx.fillRect(M, 580, PRINT_WIDTH - 2 * M, 4);
  return 720;
}

function stamp(ctx: SKRSContext2D, fonts: PosterFonts, cx: number, cy: number, p: Performance): void {
  const amended = (p.result?.changes.length ?? 0) > 0;
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate(-0.16);
  ctx.globalAlpha = 0.88;
  ctx.strokeStyle = RED;
  ctx.fillStyle = RED;
  ctx.lineWidth = 22;
  ctx.strokeRect(-620, -230, 1240, 460);
  ctx.lineWidth = 8;
  ctx.strokeRect(-585, -195, 1170, 390);
  ctx.textAlign = 'center';
  ctx.font = font(fonts.display, 190);
  ctx.fillText('APPROVED', 0, 20);
  ctx.font = font(fonts.heavy, 66, 800);
  ctx.fillText(amended ? 'WITH AMENDMENTS' : 'AS SUBMITTED', 0, 120);
  ctx.font = font(fonts.mono, 44, 500);
  ctx.fillText(`CSD · ${p.updatedAt.slice(0, 10)} · №${p.number}`, 0, -130);
  ctx.restore();
}

async function posterBlock(ctx: SKRSContext2D, fonts: PosterFonts, input: PrintInput, y: number, side: number) {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(M - 30, y - 30, side + 60, side + 60);
  if (input.poster && input.poster.contentType !== 'image/webp') {
    ctx.drawImage(await loadImage(input.poster.png), M, y, side, side);
  } else {
    ctx.fillStyle = '#d9d5cc';
    ctx.fillRect(M, y, side, side);
    ctx.fillStyle = '#5d606b';
    ctx.font = font(fonts.body, 60, 600);
    ctx.textAlign = 'center';
    ctx.fillText('The image is on record in its Discord thread.', M + side / 2, y + side / 2);
    ctx.textAlign = 'left';
  }
}

function citations(ctx: SKRSContext2D, fonts: PosterFonts, p: Performance, x: number, y: number, width: number) {
  const notes = citationsOf(p);
  ctx.fillStyle = RED;
  ctx.font = font(fonts.mono, 50, 500);
  ctx.fillText('3. CITATIONS', x, y);
  y += 110;
  if (!notes.length) {
    ctx.fillStyle = INK;
    ctx.font = font(fonts.body, 52, 600);
    ctx.fillText('No amendments were required.', x, y);
    return;
  }
  for (const [i, note] of notes.slice(0, 8).entries()) {
    ctx.fillStyle = RED;
    ctx.font = font(fonts.mono, 48, 500);
    ctx.fillText(`§${i + 1}`, x, y);
    ctx.fillStyle = INK;
    ctx.font = font(fonts.heavy, 54, 800);
    for (const line of wrapText(ctx, note.label, width - 130).slice(0, 2)) {
      ctx.fillText(line, x + 130, y);
      y += 68;
    }
    ctx.fillStyle = '#5d606b';
    ctx.font = font(fonts.body, 44, 600);
    for (const line of wrapText(ctx, note.reason, width - 130).slice(0, 3)) {
      ctx.fillText(line, x + 130, y);
      y += 58;
    }
    y += 46;
  }
}

/** The redline document of one performance: a 300 dpi A3 PNG for the exhibition's walls. Only masked text. */
export async function renderRedline(input: PrintInput): Promise<Buffer> {
  const fonts = registerPosterFonts();
  const p = input.performance;
  const canvas = createCanvas(PRINT_WIDTH, PRINT_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f6f3ec';
  ctx.fillRect(0, 0, PRINT_WIDTH, PRINT_HEIGHT);
  let y = header(ctx, fonts, p);
  y = label(ctx, fonts, '1. As submitted', y);
  ctx.font = font(fonts.body, 92, 600);
  const original = struckOriginal(p.brief, p.result?.changes ?? []);
  y = drawSegments(ctx, original, { x: M, y, width: PRINT_WIDTH - 2 * M, lineHeight: 122, maxLines: 6 }) + 110;
  y = label(ctx, fonts, '2. As approved', y);
  ctx.font = font(fonts.heavy, 74, 800);
  y =
    drawSegments(ctx, approvedSegments(p), { x: M, y, width: PRINT_WIDTH - 2 * M, lineHeight: 100, maxLines: 7 }) + 150;
  const side = Math.min(2000, PRINT_HEIGHT - 1050 - y);
  await posterBlock(ctx, fonts, input, y, side);
  citations(ctx, fonts, p, M + side + 140, y + 40, PRINT_WIDTH - 2 * M - side - 140);
  signatures(ctx, fonts, y + side + 260);
  stamp(ctx, fonts, PRINT_WIDTH - M - 680, y + side + 360, p);
  footer(ctx, fonts, input);
  return withDpi(await canvas.encode('png'), DPI);
}

/** The approved prompt with the censor's words in green, as the last frame showed it; the plain prompt otherwise. */
function approvedSegments(p: Performance): Segment[] {
  const prompt = p.prompt ?? '';
  const last = p.result ? finalFrame(p) : undefined;
  const shown = last?.segments ?? [];
  const text = shown.map((s) => ('text' in s ? s.text : '')).join('');
  if (!last || shown.some((s) => s.kind === 'blackout') || !prompt.startsWith(text))
    return [{ kind: 'plain', text: prompt }];
  return [...shown, { kind: 'plain', text: prompt.slice(text.length) }];
}

function signatures(ctx: SKRSContext2D, fonts: PosterFonts, y: number): void {
  ctx.fillStyle = INK;
  for (const [i, line] of [
    'Reviewing officer, Content Standards Division',
    'Witnessed by the audience, in public',
  ].entries()) {
    const top = y + i * 260;
    ctx.fillRect(M, top, 1500, 5);
    ctx.font = font(fonts.mono, 42, 500);
    ctx.fillText(line.toUpperCase(), M, top + 70);
  }
}

function footer(ctx: SKRSContext2D, fonts: PosterFonts, input: PrintInput): void {
  const p = input.performance;
  const y = PRINT_HEIGHT - M;
  ctx.fillStyle = INK;
  ctx.fillRect(M, y - 90, PRINT_WIDTH - 2 * M, 4);
  ctx.font = font(fonts.mono, 40, 500);
  const appeal = p.appeal ? `Appeal: ${p.appeal.outcome}` : 'Appeal: none lodged';
  ctx.fillText(
    `Censor: ${p.result?.engine ?? p.censorEngine} · Image: ${input.poster?.engine ?? p.imageEngine} · Audience: original ${input.tally.original}, censored ${input.tally.censored} · ${appeal}`,
    M,
    y,
  );
  ctx.textAlign = 'right';
  ctx.fillText('A3 · 300 DPI', PRINT_WIDTH - M, y);
  ctx.textAlign = 'left';
}

/** Writes the resolution into the PNG (a pHYs chunk after IHDR), so a print shop reads 300 dpi, not 72. */
export function withDpi(png: Buffer, dpi: number): Buffer {
  const perMetre = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(13);
  body.write('pHYs', 0, 'latin1');
  body.writeUInt32BE(perMetre, 4);
  body.writeUInt32BE(perMetre, 8);
  body.writeUInt8(1, 12);
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 17);
  // Signature (8) + IHDR (4 length + 4 type + 13 data + 4 crc).
  return Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);
}
