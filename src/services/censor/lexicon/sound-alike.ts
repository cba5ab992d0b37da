/**
 * Internet spellings that sound like the word they stand for: "q" for a hard k ("fuq"), "zz" for ss ("azzhole"),
 * "-ait" for -ate ("masturbait"), "tha" for ther ("muthafucker"). The disguise passes try these readings of a token
 * that is no dictionary word, after the token as written, and still only find the lexicon's strong words.
 */

const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // English writes q before u; a q without one ("fuq", "suq") is read as the k it sounds like.
  [/q(?!u)/g, 'k'],
  [/zz/g, 'ss'],
  [/ait/g, 'ate'],
  // The dropped r of "mutha", "brotha": only before a consonant, and not before w ("thaw").
  [/tha(?![aeiouwy])/g, 'ther'],
];

// Any rule at all, in one test: most tokens the passes see ("35mm", "8k") meet none.
const ANY_RULE = /q|zz|ait|tha/;

/** The sound-alike readings of `word`, each rule alone and then all together; none when no rule applies. */
export function soundAlikeReadings(word: string): string[] {
  if (!ANY_RULE.test(word)) return [];
  const out: string[] = [];
  let all = word;
  for (const [pattern, reading] of RULES) {
    const read = word.replace(pattern, reading);
    if (read === word) continue;
    out.push(read);
    all = all.replace(pattern, reading);
  }
  if (out.length > 1) out.push(all);
  return out;
}
