import { cpus, totalmem } from 'node:os';
import { benchCensor } from './censor.js';
import { compareCensors, createDetectors, formatCompareTable } from './censor-compare.js';
import { formatDisguiseTable, loadPeerDisguiseCases, scoreDisguises } from './censor-disguises.js';
import { formatErasureTable, measureErasureHalves, measureSafeFlagSenses } from './censor-erasure.js';
import { createHeldoutCensors, formatHeldoutTable, scoreHeldout } from './censor-heldout.js';
import type { Detector } from './censor-peers.js';
import { type BurstFigures, benchDiscord } from './discord.js';
import { benchGuard } from './guard.js';
import { benchPoster } from './poster.js';
import { benchStartup } from './startup.js';
import { spread } from './stats.js';
import { benchWall } from './wall.js';

/** `npm run bench` (which builds dist/ first): every figure the issues ask for, in one run, on this machine. */
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const out = (line = '') => process.stdout.write(`${line}\n`);

out(`compliance-theatre benchmarks — ${machine}`);
out('Each figure: median (min–max, runs); variants alternate so a busy machine slows both alike.');
out();
const startup = await benchStartup(5);
out('## Start-up: compiled (`npm start`, node dist/) vs tsx (`tsx src/…`)');
out('| | compiled | tsx |');
out('| --- | --- | --- |');
out(
  `| bot: spawn → on stage (fake Discord) | ${spread(startup.botReadyMs.compiled)} | ${spread(startup.botReadyMs.tsx)} |`,
);
out(
  `| bot: idle RSS, process tree | ${spread(startup.botRssMiB.compiled, 'MiB')} | ${spread(startup.botRssMiB.tsx, 'MiB')} |`,
);
out(
  `| CLI cold start: \`censor "<brief>"\` | ${spread(startup.cliCensorMs.compiled)} | ${spread(startup.cliCensorMs.tsx)} |`,
);
out(`| CLI cold start: \`--help\` | ${spread(startup.cliHelpMs.compiled)} | ${spread(startup.cliHelpMs.tsx)} |`);
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
out('### NSFWErasureBench by half: terms mined from the even half only');
out(formatErasureTable(measureErasureHalves(createDetectors()[0] as Detector)));
out();
const senses = measureSafeFlagSenses(createDetectors()[0] as Detector);
const share = (n: number) => `${n} (${((100 * n) / senses.total).toFixed(1)}% of ${senses.total})`;
out(
  '### NSFW=0 prompts (not 4chan) the safety layer flags, by the sense of the flagged word (data/eval/erasure-safe-flags.tsv, read by hand)',
);
out('| flagged | unsafe sense (a fight, a joint, lingerie…) | innocent sense | not read yet |');
out('| --- | --- | --- | --- |');
out(`| ${share(senses.flagged)} | ${share(senses.unsafeSense)} | ${share(senses.innocentSense)} | ${senses.notRead} |`);
out();
out('## Disguise table (data/eval/disguises.tsv): caught per kind, look-alikes left alone');
out(formatDisguiseTable(scoreDisguises(createDetectors())));
out();
out('## The peers’ own disguise cases (data/eval/peer-disguises.tsv): caught per kind, innocent texts left alone');
out(formatDisguiseTable(scoreDisguises(createDetectors(), loadPeerDisguiseCases()), 'innocent texts left alone'));
out();
out(
  '## Held-out briefs (data/eval/heldout-briefs.tsv, written before the censor saw them; one round of fixes by class since, so no longer held out): unsafe terms left unchanged, innocent traps changed',
);
out(formatHeldoutTable(scoreHeldout(createHeldoutCensors())));
out();
const poster = await benchPoster(30);
out('## Poster renderer (1024×1024, 30 renders)');
out(
  `render (draw + encode): median ${poster.medianMs} ms · p95 ${poster.p95Ms} ms · ${Math.round(poster.bytes / 1024)} KiB`,
);
out(
  `PNG encode alone: median ${poster.encodeMedianMs} ms · p95 ${poster.encodeP95Ms} ms (Skia's own encoder, same canvases: median ${poster.skiaEncodeMedianMs} ms, ${Math.round(poster.skiaBytes / 1024)} KiB)`,
);
out();
const guard = await benchGuard(10);
out('## Guard + word diff per brief (the local work around a hosted model call)');
out(
  `mean ${guard.perBriefMicros} µs · p50 ${guard.p50Micros} µs · p95 ${guard.p95Micros} µs over ${guard.pairs} pairs × ${guard.rounds} rounds — ${guard.shareOfModelCallPercent}% of a 500 ms model call`,
);
out();
const discord = await benchDiscord([50, 200], 3, 2);
out('## Discord: the bot in this process, the fake Discord in its own, real discord.js client, real pace');
out(
  "Latency from each interaction's dispatch: to the moment the bot wrote its request (the bot's own time), and to its arrival at the fake (the fake's event loop, busy with the same burst, adds its queue).",
);
out(
  '| briefs at once | ack sent p50 | ack sent p99 | told sent p50 | told sent p99 | ack arrived p99 | told arrived p99 | acked < 3 s | answered | RSS after |',
);
out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const size of [50, 200]) {
  const runs = discord.bursts.filter((b) => b.size === size);
  const pick = (f: (b: BurstFigures) => number, unit = 'ms') => spread(runs.map(f), unit);
  const acked = runs.map((b) => `${b.ackedInTime}/${b.size}`).join(', ');
  const answered = runs
    .map((b) => {
      const refused = Object.values(b.refused).reduce((sum, n) => sum + n, 0);
      return `${b.accepted} placed${refused ? `, ${refused} refused` : ''}${b.unanswered ? `, ${b.unanswered} unanswered` : ''}`;
    })
    .join('; ');
  const latencies = [
    pick((b) => b.sentAckP50Ms),
    pick((b) => b.sentAckP99Ms),
    pick((b) => b.sentToldP50Ms),
    pick((b) => b.sentToldP99Ms),
    pick((b) => b.ackP99Ms),
    pick((b) => b.toldP99Ms),
  ];
  out(`| ${size} | ${latencies.join(' | ')} | ${acked} | ${answered} | ${pick((b) => b.rssMiB, 'MiB')} |`);
}
const refusals = new Set(discord.bursts.flatMap((b) => Object.keys(b.refused)));
for (const line of refusals) out(`refused with: ${line}`);
out(
  `REST calls per act at the default pace: ${discord.restCallsPerAct} (one act ≈ ${discord.actSeconds} s, ${discord.pacedActs} acts; 429s over the whole run: ${discord.rateLimited}; invalid requests: ${discord.invalidRequests})`,
);
out(
  `pace auto, ${discord.autoActs} of the same brief at once: the last finale after ${discord.autoSeconds} s (${discord.autoActs} × ${discord.actSeconds} s = ${Math.round(discord.autoActs * discord.actSeconds)} s at pace 1)`,
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
