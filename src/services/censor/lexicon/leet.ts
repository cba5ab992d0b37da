/**
 * Leetspeak decoding. Some symbols are ambiguous ("1" is i or l, "|" is l or i), so a word decodes two ways and
 * the matcher tries both; anything else would need one guess per symbol and grow exponentially.
 */

const PRIMARY: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '2': 'z',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
  '<': 'c',
  '(': 'c',
  '€': 'e',
  '£': 'l',
  '§': 's',
  '¥': 'y',
  '©': 'c',
  '®': 'r',
};

const ALTERNATE: Readonly<Record<string, string>> = { ...PRIMARY, '1': 'l', '|': 'i', '6': 'b' };

// Symbol pairs that draw one letter; decoded before single symbols.
const DIGRAPHS: Readonly<Record<string, string>> = { '|<': 'k' };

function decodeWith(word: string, table: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const digraph = DIGRAPHS[word.slice(i, i + 2)];
    if (digraph) {
      out += digraph;
      i++;
      continue;
    }
    const char = word[i] as string;
    out += table[char] ?? char;
  }
  return out;
}

const HAS_LETTER = /[a-z]/;
// A number with a plural or ordinal ending ("the 45s", "1990s", "21st") is a number, not a disguise.
const NUMBER_WITH_ENDING = /^\d+(s|st|nd|rd|th)$/;
const AMBIGUOUS = /[16|]/;

/**
 * The plain-letter readings of a word with digits or symbols in it: "k1ll" → ["kill", "klll"]. A word without a
 * letter is a number or punctuation, not a disguise, and decodes to nothing; so does a number with an ending.
 */
export function leetReadings(word: string): string[] {
  if (!HAS_LETTER.test(word) || NUMBER_WITH_ENDING.test(word)) return [];
  const primary = decodeWith(word, PRIMARY);
  if (!AMBIGUOUS.test(word)) return primary === word ? [] : [primary];
  const alternate = decodeWith(word, ALTERNATE);
  return alternate === primary ? [primary] : [primary, alternate];
}
