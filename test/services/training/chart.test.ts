import { describe, expect, test } from 'vitest';
import { renderEvalChart } from '../../../src/services/training/chart.js';
import type { EvalReport } from '../../../src/services/training/eval.js';
import type { EngineMetrics } from '../../../src/services/training/metrics.js';

const metrics = (overrides: Partial<EngineMetrics> = {}): EngineMetrics => ({
  n: 10,
  errors: 0,
  blockedRate: 0,
  leakRate: 0.1,
  leakBase: 5,
  overCensoring: 0.2,
  overBase: 3,
  keepRate: 0.9,
  styleHandled: 1,
  gibberish: 0,
  referenceMatch: 0.5,
  latencyP50: 0.05,
  latencyP95: 0.4,
  ...overrides,
});

const report = (engines: EvalReport['engines']): EvalReport => ({
  createdAt: '2025-01-02T03:04:05.000Z',
  style: 'flat',
  items: { briefs: 5, i2p: 5 },
  engines,
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('renderEvalChart', () => {
  test('draws a PNG for three engines', () => {
    const png = renderEvalChart(
      report([
        { engine: 'lexicon', name: 'lexicon', sets: { all: metrics() } },
        { engine: 'openai', name: 'openai', sets: { all: metrics({ latencyP50: 640, latencyP95: 1800, errors: 2 }) } },
        {
          engine: 'huggingface',
          name: 'huggingface',
          sets: { all: metrics({ latencyP50: 2400, latencyP95: 9100, gibberish: 0.3 }) },
        },
      ]),
    );
    expect(pngSize(png)).toEqual({ width: 1800, height: 1060 });
  });

  test('copes with metrics that could not be measured', () => {
    const empty = metrics({
      n: 0,
      leakRate: null,
      overCensoring: null,
      keepRate: null,
      styleHandled: null,
      gibberish: null,
      referenceMatch: null,
      latencyP50: null,
      latencyP95: null,
    });
    expect(pngSize(renderEvalChart(report([{ engine: 'lexicon', name: 'lexicon', sets: { all: empty } }]))).width).toBe(
      1800,
    );
  });
});
