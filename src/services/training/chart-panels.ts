import type { SKRSContext2D } from '@napi-rs/canvas';
import { CARD, colourOf, fitText, font, GOOD, GRID, INK, MUTED, type Rect } from './chart-theme.js';
import type { EngineReport } from './eval.js';
import { formatLatency, formatRate } from './eval-table.js';
import type { EngineMetrics } from './metrics.js';

/** One panel of the chart: a metric that is a share, drawn as a bar per engine on a 0–100% axis. */
export interface RatePanel {
  kind: 'rate';
  title: string;
  better: 'lower' | 'higher';
  value: (m: EngineMetrics) => number | null;
  base?: (m: EngineMetrics) => string;
}

function roundedRect(ctx: SKRSContext2D, r: Rect, radius: number): void {
  ctx.beginPath();
  ctx.roundRect(r.x, r.y, r.w, r.h, radius);
}

function panelFrame(ctx: SKRSContext2D, rect: Rect, title: string, better: 'lower' | 'higher', note = ''): Rect {
  ctx.fillStyle = CARD;
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1.5;
  roundedRect(ctx, rect, 14);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = font(22, 700);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(title, rect.x + 22, rect.y + 38);
  ctx.fillStyle = MUTED;
  ctx.font = font(15, 600);
  ctx.fillText(`${better === 'lower' ? '↓ lower is better' : '↑ higher is better'}${note}`, rect.x + 22, rect.y + 60);
  // Headroom above 100% for the value labels, room below the axis for the engine names.
  return { x: rect.x + 62, y: rect.y + 100, w: rect.w - 84, h: rect.h - 160 };
}

/** Bar slots for `count` engines across a plot's width: centre x and bar width. */
function slots(plot: Rect, count: number): { centre: number; width: number }[] {
  const slot = plot.w / Math.max(1, count);
  const width = Math.min(96, slot * 0.62);
  return Array.from({ length: count }, (_, i) => ({ centre: plot.x + slot * (i + 0.5), width }));
}

function engineLabels(ctx: SKRSContext2D, plot: Rect, engines: EngineReport[], sub?: (e: EngineReport) => string) {
  for (const [i, s] of slots(plot, engines.length).entries()) {
    const engine = engines[i] as EngineReport;
    ctx.fillStyle = INK;
    ctx.font = font(17, 600);
    ctx.textAlign = 'center';
    ctx.fillText(fitText(ctx, engine.engine, plot.w / engines.length - 8), s.centre, plot.y + plot.h + 28);
    if (sub) {
      ctx.fillStyle = MUTED;
      ctx.font = font(13);
      ctx.fillText(sub(engine), s.centre, plot.y + plot.h + 48);
    }
  }
}

export function drawRatePanel(ctx: SKRSContext2D, rect: Rect, panel: RatePanel, engines: EngineReport[]): void {
  const plot = panelFrame(ctx, rect, panel.title, panel.better);
  ctx.font = font(14);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const y = plot.y + plot.h - tick * plot.h;
    ctx.strokeStyle = tick === 0 ? '#b9b4a9' : GRID;
    ctx.lineWidth = tick === 0 ? 2 : 1;
    ctx.beginPath();
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.w, y);
    ctx.stroke();
    ctx.fillStyle = MUTED;
    ctx.fillText(`${tick * 100}%`, plot.x - 10, y);
  }
  ctx.textBaseline = 'alphabetic';
  for (const [i, s] of slots(plot, engines.length).entries()) {
    const engine = engines[i] as EngineReport;
    const value = panel.value(engine.sets.all);
    ctx.textAlign = 'center';
    if (value === null) {
      ctx.fillStyle = MUTED;
      ctx.font = font(16, 600);
      ctx.fillText('n/a', s.centre, plot.y + plot.h - 12);
      continue;
    }
    const h = Math.max(value > 0 ? 3 : 0, value * plot.h);
    ctx.fillStyle = colourOf(engine.engine, i);
    ctx.beginPath();
    ctx.roundRect(s.centre - s.width / 2, plot.y + plot.h - h, s.width, h, [6, 6, 0, 0]);
    ctx.fill();
    const ideal = panel.better === 'lower' ? value === 0 : value === 1;
    ctx.fillStyle = ideal ? GOOD : INK;
    ctx.font = font(19, 700);
    ctx.fillText(formatRate(value), s.centre, plot.y + plot.h - h - 10);
  }
  engineLabels(ctx, plot, engines, panel.base ? (e) => panel.base?.(e.sets.all) ?? '' : undefined);
}

export function drawLatencyPanel(ctx: SKRSContext2D, rect: Rect, engines: EngineReport[]): void {
  const plot = panelFrame(ctx, rect, 'Latency p50 / p95', 'lower', '   ·   solid p50, light p95');
  const values = engines.flatMap((e) => [e.sets.all.latencyP50, e.sets.all.latencyP95]).filter((v) => v !== null);
  // A log scale: the lexicon answers in microseconds, a hosted model in hundreds of milliseconds.
  const low = -2;
  const high = Math.max(1, Math.ceil(Math.log10(Math.max(1, ...values)) + 0.2));
  const yOf = (ms: number) => {
    const t = (Math.log10(Math.max(ms, 10 ** low)) - low) / (high - low);
    return plot.y + plot.h - Math.min(1, Math.max(0, t)) * plot.h;
  };
  ctx.font = font(14);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (let p = low; p <= high; p++) {
    const y = yOf(10 ** p);
    ctx.strokeStyle = p === low ? '#b9b4a9' : GRID;
    ctx.lineWidth = p === low ? 2 : 1;
    ctx.beginPath();
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.w, y);
    ctx.stroke();
    // With many decades, every other one is labelled so the labels do not crowd.
    if (high - low > 5 && (p - low) % 2 === 1) continue;
    ctx.fillStyle = MUTED;
    ctx.fillText(p >= 3 ? `${10 ** (p - 3)} s` : `${Number((10 ** p).toPrecision(1))} ms`, plot.x - 10, y);
  }
  ctx.textBaseline = 'alphabetic';
  for (const [i, s] of slots(plot, engines.length).entries()) {
    const m = (engines[i] as EngineReport).sets.all;
    const colour = colourOf((engines[i] as EngineReport).engine, i);
    const half = s.width / 2;
    for (const [j, value] of [m.latencyP50, m.latencyP95].entries()) {
      const x = s.centre - half + j * half;
      ctx.textAlign = 'center';
      if (value === null) continue;
      const top = yOf(value);
      ctx.fillStyle = colour;
      ctx.globalAlpha = j === 0 ? 1 : 0.45;
      ctx.beginPath();
      ctx.roundRect(x + 2, top, half - 4, plot.y + plot.h - top, [5, 5, 0, 0]);
      ctx.fill();
      ctx.globalAlpha = 1;
      ctx.fillStyle = INK;
      ctx.font = font(13, 600);
      ctx.fillText(formatLatency(value), x + half / 2, top - 8);
    }
  }
  engineLabels(ctx, plot, engines);
}
