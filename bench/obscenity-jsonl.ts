/**
 * obscenity as a `censor --jsonl` of its own, for bench/censor.ts: one brief per stdin line, one JSON line out with
 * the brief, whether it was flagged, and obscenity's censored text. Run with `node --import tsx`; the same process
 * shape as the compiled CLI (read stdin, censor, serialise, write in chunks), so the two are timed the same way.
 */
import { createInterface } from 'node:readline';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher, TextCensor } from 'obscenity';

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const censor = new TextCensor();
let out = '';
for await (const brief of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
  const matches = matcher.getAllMatches(brief, true);
  const censored = matches.length > 0 ? censor.applyTo(brief, matches) : brief;
  out += `${JSON.stringify({ brief, flagged: matches.length > 0, censored })}\n`;
  if (out.length >= 1 << 16) {
    process.stdout.write(out);
    out = '';
  }
}
process.stdout.write(out);
