import { describe, expect, test } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { recheckPrompt } from '../../src/services/censor/pipeline.js';
import { PosterModel } from '../../src/services/imagery/poster/index.js';
import { openStore } from '../../src/services/store/index.js';
import { struckOriginal } from '../../src/wall/cards.js';
import { PRINT_HEIGHT, PRINT_WIDTH, renderRedline, withDpi } from '../../src/wall/print.js';
import { checker, performed } from './helpers.js';

describe('the redline document', () => {
  test('the struck original keeps redline words and carries only the length of blackout ones', async () => {
    const store = await openStore('memory:', silentLogger());
    const p = await performed(store, 'g', 'a bloody sword in a shitty motel');
    const segments = struckOriginal(p.brief, p.result!.changes);
    expect(segments).toContainEqual({ kind: 'struck', text: 'bloody' });
    expect(segments).toContainEqual({ kind: 'blackout', length: 6 });
    expect(JSON.stringify(segments)).not.toMatch(/shitty/i);
  });

  test('is an A3 PNG at 300 dpi', async () => {
    const store = await openStore('memory:', silentLogger());
    const performance = await performed(store, 'g', 'a knight with a sword');
    const poster = await new PosterModel({ width: 256, height: 256 }).render({
      prompt: await recheckPrompt(checker, performance.prompt!),
      performanceNumber: 1,
      seed: 1,
    });
    const png = await renderRedline({ performance, poster, tally: { original: 1, censored: 0 } });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([PRINT_WIDTH, PRINT_HEIGHT]);
    const phys = png.indexOf('pHYs');
    expect(phys).toBe(37);
    expect([png.readUInt32BE(phys + 4), png.readUInt32BE(phys + 8), png[phys + 12]]).toEqual([11811, 11811, 1]);
  });

  test('the resolution chunk goes right after the header, with a valid checksum', () => {
    const header = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
    const out = withDpi(Buffer.concat([header, Buffer.from('rest')]), 300);
    // length 9, "pHYs", 11811 px/m both ways, unit metre, then the CRC-32 of type and data (computed independently).
    expect(out.subarray(33, 54).toString('hex')).toBe('000000097048597300002e2300002e230178a53f76');
    expect(out.subarray(54).toString()).toBe('rest');
  });
});
