import { cpus } from 'node:os';
import { benchCensor } from './censor.js';
import { compareCensors, formatCompareTable } from './censor-compare.js';
import { benchDiscord } from './discord.js';
import { benchGuard } from './guard.js';
import { benchPoster } from './poster.js';
import { benchWall } from './wall.js';

/** `npm run bench`: every figure the issues ask for, in one run, on this machine. */
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;
const out = (line = '') => process.stdout.write(`${line}\n`);

out(`compliance-theatre benchmarks — ${machine}`);
out();
out('## Censor throughput on the 4,703 I2P prompts (same text for each)');
out('| censor | briefs/s | MB/s |');
out('| --- | --- | --- |');
for (const row of await benchCensor())
  out(`| ${row.name} | ${Math.round(row.briefsPerSec).toLocaleString('en')} | ${row.mbPerSec.toFixed(2)} |`);
out();
out('## Censor comparison (recall, false positives, throughput)');
out(formatCompareTable(await compareCensors()));
out();
const poster = await benchPoster(20);
out('## Poster renderer (1024×1024, draw + PNG encode, 20 renders)');
out(`median ${poster.medianMs} ms · p95 ${poster.p95Ms} ms · ${Math.round(poster.bytes / 1024)} KiB`);
out();
const guard = await benchGuard(10);
out('## Guard + word diff per brief (the local work around a hosted model call)');
out(
  `mean ${guard.perBriefMicros} µs · p50 ${guard.p50Micros} µs · p95 ${guard.p95Micros} µs over ${guard.pairs} pairs × ${guard.rounds} rounds — ${guard.shareOfModelCallPercent}% of a 500 ms model call`,
);
out();
const discord = await benchDiscord(50, 2);
out('## Discord (loopback fake, real discord.js client, Discord-like per-channel limits)');
out(`acknowledgement with ${discord.burst} briefs at once: p50 ${discord.ackP50Ms} ms · p99 ${discord.ackP99Ms} ms`);
out(`member told their place (brief saved first): p50 ${discord.confirmP50Ms} ms · p99 ${discord.confirmP99Ms} ms`);
out(`REST calls per performance: ${discord.restCallsPerPerformance}`);
out(
  `429s met over ${discord.pacedPerformances} performances at the default pace: ${discord.rateLimited} (one act ≈ ${discord.actSeconds} s)`,
);
out();
const wall = await benchWall(50, 3);
out('## Exhibition wall (Debian chromium, one browser context per wall, frames at pace 0.5, real Discord limits)');
if (!wall) out('skipped: chromium is not installed (apt-get install chromium)');
else {
  out(
    `frame published → on the page, ${wall.walls} walls open, ${wall.frames} frames: p50 ${wall.p50Ms} ms · p99 ${wall.p99Ms} ms`,
  );
  out(
    `act, /brief → finale (median of 3): no wall ${wall.actSecondsAlone} s · ${wall.walls} event streams ${wall.actSecondsStreams} s · ${wall.walls} browsers on this machine ${wall.actSecondsWatched} s`,
  );
}
