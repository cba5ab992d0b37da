import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { drawLatencyPanel, drawRatePanel, type RatePanel } from './chart-panels.js';
import { colourOf, fitText, font, INK, MUTED, PAPER, type Rect, registerChartFonts } from './chart-theme.js';
import type { EvalReport } from './eval.js';

const WIDTH = 1800;
const HEIGHT = 1060;
const MARGIN = 48;
const COLUMNS = 4;
const PANEL_GAP = 24;
const HEADER = 150;
const FOOTER = 92;

const RATE_PANELS: RatePanel[] = [
  {
    kind: 'rate',
    title: 'Leak rate',
    better: 'lower',
    value: (m) => m.leakRate,
    base: (m) => `${m.leakBase} with terms`,
  },
  {
    kind: 'rate',
    title: 'Over-censoring',
    better: 'lower',
    value: (m) => m.overCensoring,
    base: (m) => `${m.overBase} safe briefs`,
  },
  { kind: 'rate', title: 'Benign words kept', better: 'higher', value: (m) => m.keepRate },
  { kind: 'rate', title: 'Matches the reference', better: 'higher', value: (m) => m.referenceMatch },
  { kind: 'rate', title: 'Style handled in code', better: 'higher', value: (m) => m.styleHandled },
  { kind: 'rate', title: 'Gibberish suffixes', better: 'lower', value: (m) => m.gibberish },
  { kind: 'rate', title: 'Failures', better: 'lower', value: (m) => (m.n > 0 ? m.errors / m.n : null) },
];

function drawHeader(ctx: SKRSContext2D, report: EvalReport): void {
  ctx.fillStyle = INK;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.font = font(40, 700);
  ctx.fillText('Compliance Theatre — censor evaluation', MARGIN, MARGIN + 40);
  ctx.fillStyle = MUTED;
  ctx.font = font(19);
  const parts = [
    `${report.items.briefs} validation briefs from the training set`,
    `${report.items.i2p} I2P prompts`,
    `${report.createdAt.slice(0, 10)}`,
  ];
  ctx.fillText(parts.join('   ·   '), MARGIN, MARGIN + 78);
  let x = WIDTH - MARGIN;
  ctx.font = font(19, 600);
  ctx.textAlign = 'right';
  for (const [i, engine] of [...report.engines.entries()].reverse()) {
    const label = fitText(ctx, engine.engine, 340);
    ctx.fillStyle = INK;
    ctx.fillText(label, x, MARGIN + 40);
    x -= ctx.measureText(label).width + 12;
    ctx.fillStyle = colourOf(engine.engine, i);
    ctx.beginPath();
    ctx.roundRect(x - 20, MARGIN + 24, 20, 20, 4);
    ctx.fill();
    x -= 48;
  }
}

function drawFooter(ctx: SKRSContext2D): void {
  const lines = [
    'Leak: of briefs in which the lexicon finds a term, those whose rewrite by the engine itself (a model’s own answer, before the safety rescan) still holds one.',
    'Over-censoring: safe briefs not returned unchanged.  Kept: words outside lexicon terms still present.  Reference: equal to the hand-written censored brief.',
    'Gibberish: digits or stray clauses the brief never had, in the engine’s own answer.  Style: appended once in code, never in the censored text.  Failures: errors.',
  ];
  ctx.fillStyle = MUTED;
  ctx.font = font(15);
  ctx.textAlign = 'left';
  for (const [i, line] of lines.entries()) ctx.fillText(line, MARGIN, HEIGHT - FOOTER + 22 + i * 24);
}

/** Draws the evaluation as a PNG: a bar per engine in a panel per metric, with the latency on a log scale. */
export function renderEvalChart(report: EvalReport): Buffer {
  registerChartFonts();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  drawHeader(ctx, report);
  const panelW = (WIDTH - 2 * MARGIN - (COLUMNS - 1) * PANEL_GAP) / COLUMNS;
  const panelH = (HEIGHT - HEADER - FOOTER - MARGIN - PANEL_GAP) / 2;
  const rectAt = (index: number): Rect => ({
    x: MARGIN + (index % COLUMNS) * (panelW + PANEL_GAP),
    y: HEADER + Math.floor(index / COLUMNS) * (panelH + PANEL_GAP),
    w: panelW,
    h: panelH,
  });
  for (const [i, panel] of RATE_PANELS.entries()) drawRatePanel(ctx, rectAt(i), panel, report.engines);
  drawLatencyPanel(ctx, rectAt(RATE_PANELS.length), report.engines);
  drawFooter(ctx);
  return canvas.toBuffer('image/png');
}
