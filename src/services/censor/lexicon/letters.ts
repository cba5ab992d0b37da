/**
 * Letters that look like a Latin letter but that neither a decomposition nor the confusables data (UTS #39) reads
 * as one: hooked, curled, barred and tailed IPA and phonetic letters ("ƈ", "ɦ"), and a few Greek and IPA letters
 * drawn like a Latin one. The folder in ./normalize.ts reads a code point through this table before the
 * confusables data.
 */

/**
 * Derived from the Unicode names (UCD 14): every letter of the Latin Extended-B, IPA Extensions, Phonetic
 * Extensions (and supplement), Latin Extended Additional, -C, -D and -E blocks named "LATIN SMALL|CAPITAL LETTER
 * X WITH …" (hook, curl, stroke, tail, bar, flourish, descender, middle tilde…) that NFKD leaves alone and that has
 * no confusables entry folding it to plain letters, read as its X. Only the small letters are listed: a capital
 * is lowercased (to its small letter) before the table is read. Regenerate with Python's `unicodedata` over those
 * blocks and the same name pattern.
 */
const BY_NAME =
  'ƈc ɲn ƫt ʈt ȡd ȴl ȵn ȶt ⱥa ⱦt ȿs ɀz ɋq ɕc ɬl ɾr ʑz ʝj ᵬb ᵭd ᵱp ᵳr ᶀb ᶁd ᶂf ᶄk ᶅl ᶆm ᶇn ᶈp ᶉr ᶊs ᶍx ᶎz ᶏa ᶑd ᶒe ᶖi ' +
  'ᶙu ⱡl ⱨh ⱪk ⱬz ⱱv ⱳw ⱴv ⱸe ⱺo ꝁk ꝃk ꝅk ꝉl ꝍo ꝑp ꝓp ꝕp ꝗq ꝙq ꝟv ꞎl ꞑn ꞓc ꞔc ꞕh ꞗb ꞡg ꞣk ꞥn ꞧr ꞩs ꞯq ꞹu ꟈd ꟊs ꬴe ' +
  'ꬷl ꬸl ꬹl ꬺm ꬻn ꭉr ꭖx ꭗx ꭘx ꭙx';

/**
 * Read by shape, as no name gives it: esh (ʃ) is drawn like a long s, which type shows as an f, and disguised
 * profanity uses it for f ("ʃuck"); Greek epsilon, chi, omega and mu stand in for e, x, w and u (the confusables
 * data points epsilon at a barred c, and has no entry for the other three).
 */
const BY_SHAPE = 'ʃf εe ϵe χx ωw μu';

const pairs = (table: string) =>
  table
    .split(' ')
    .map((pair): [string, string] => [String.fromCodePoint(pair.codePointAt(0) as number), pair.slice(-1)]);

/** A look-alike letter's plain reading, for a single code point already lowercased and stripped of its marks. */
export const LETTER_READINGS: ReadonlyMap<string, string> = new Map([...pairs(BY_NAME), ...pairs(BY_SHAPE)]);
