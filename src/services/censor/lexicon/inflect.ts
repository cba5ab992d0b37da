/**
 * English inflection, two ways: generously for matching (every plausible spelling of "stabbed", since an extra
 * spelling costs nothing), and exactly once for writing euphemisms (one correct spelling of "offboarded").
 */

/** How a matched word relates to its lexicon term, so the euphemism can be inflected the same way. */
export type Inflection = 'base' | 'plural' | 'third' | 'past' | 'participle' | 'ing';

/** Part of speech of a lexicon entry; `noun` when the entry does not say. */
export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'other';

const VOWELS = 'aeiou';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
const isConsonant = (c: string | undefined) => c !== undefined && /[a-z]/.test(c) && !isVowel(c);
const SIBILANT = /(?:s|x|z|ch|sh)$/;

/** Ends consonant-vowel-consonant ("stab", "regret"): the final consonant may double before -ed/-ing. */
function endsCvc(word: string): boolean {
  const [a, b, c] = [word.at(-3), word.at(-2), word.at(-1)];
  return isConsonant(a) && isVowel(b) && isConsonant(c) && !'wxyc'.includes(c as string);
}

/** Counts vowel groups, a cheap stand-in for syllables. */
function syllables(word: string): number {
  return word.match(/[aeiouy]+/g)?.length ?? 0;
}

// Two-syllable verbs stressed on the last syllable double their consonant ("regretted"); most others do not.
const STRESS_FINAL: ReadonlySet<string> = new Set(
  'admit commit submit permit omit emit transmit regret refer prefer defer confer occur recur incur control patrol compel expel propel repel begin forget upset equip acquit abet allot rebut embed unplug unzip'.split(
    ' ',
  ),
);

function doubles(word: string): boolean {
  return endsCvc(word) && (syllables(word) === 1 || STRESS_FINAL.has(word));
}

/** Every plural spelling a noun might take, for matching. */
export function pluralVariants(word: string): string[] {
  const out = new Set<string>();
  if (SIBILANT.test(word)) out.add(`${word}es`);
  else if (word.endsWith('y') && isConsonant(word.at(-2))) out.add(`${word.slice(0, -1)}ies`);
  else out.add(`${word}s`);
  if (word.endsWith('o')) out.add(`${word}es`);
  if (word.endsWith('fe')) out.add(`${word.slice(0, -2)}ves`);
  else if (word.endsWith('f') && !word.endsWith('ff')) out.add(`${word.slice(0, -1)}ves`);
  if (word.endsWith('man')) out.add(`${word.slice(0, -3)}men`);
  if (endsCvc(word) && word.endsWith('s')) out.add(`${word}ses`);
  return [...out];
}

/** Every spelling of a verb's -s, -ed and -ing forms, for matching. */
export function verbVariants(word: string): Array<[string, Inflection]> {
  const out: Array<[string, Inflection]> = pluralVariants(word)
    .filter((w) => !w.endsWith('ves') && !w.endsWith('men'))
    .map((w) => [w, 'third']);
  const last = word.at(-1) as string;
  // A one-syllable "strip" only ever doubles ("stripped"): its undoubled "striped" is another, innocent word.
  // Longer words may go either way ("targeted", "regretted"), and an unused spelling costs nothing.
  if (endsCvc(word)) out.push([`${word}${last}ed`, 'past'], [`${word}${last}ing`, 'ing']);
  if (doubles(word)) return out;
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  if (word.endsWith('y') && isConsonant(word.at(-2))) out.push([`${word.slice(0, -1)}ied`, 'past']);
  else out.push([`${stem}ed`, 'past']);
  // "die" → "dying" (never "ding"), "hoe" → "hoeing", "shame" → "shaming" (or the rarer "shameing").
  if (word.endsWith('ie')) out.push([`${word.slice(0, -2)}ying`, 'ing']);
  else if (/(?:ee|ye|oe)$/.test(word)) out.push([`${word}ing`, 'ing']);
  else if (stem !== word) out.push([`${stem}ing`, 'ing'], [`${word}ing`, 'ing']);
  else out.push([`${word}ing`, 'ing']);
  if (word.endsWith('c')) out.push([`${word}ked`, 'past'], [`${word}king`, 'ing']);
  return out;
}

/** All matchable forms of one word of a term (the head word of a phrase), with how each is inflected. */
export function matchVariants(word: string, pos: PartOfSpeech): Array<[string, Inflection]> {
  const base: [string, Inflection] = [word, 'base'];
  if (/\d$/.test(word)) return [base];
  if (pos === 'noun') return [base, ...pluralVariants(word).map((w): [string, Inflection] => [w, 'plural'])];
  if (pos === 'verb') return [base, ...verbVariants(word)];
  return [base];
}

// ---- one correct spelling, for writing euphemisms ----

const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  person: 'people',
  man: 'men',
  woman: 'women',
  child: 'children',
  foot: 'feet',
  tooth: 'teeth',
  mouse: 'mice',
  goose: 'geese',
  knife: 'knives',
  life: 'lives',
  wife: 'wives',
  leaf: 'leaves',
  half: 'halves',
  shelf: 'shelves',
  hero: 'heroes',
  potato: 'potatoes',
  tomato: 'tomatoes',
  criterion: 'criteria',
  phenomenon: 'phenomena',
};

// Mass nouns stay as they are: "approved equipment", never "equipments".
const UNCOUNTABLE: ReadonlySet<string> = new Set(
  'equipment information advice furniture software hardware feedback wellness content compliance merchandise luggage clothing footwear media data research guidance support paperwork signage decor stationery produce refreshment'.split(
    ' ',
  ),
);

/** The plural of one noun. */
export function pluralize(word: string): string {
  const lower = word.toLowerCase();
  if (UNCOUNTABLE.has(lower) || /\d$/.test(lower)) return word;
  const irregular = IRREGULAR_PLURALS[lower];
  if (irregular) return word.slice(0, 1) + irregular.slice(1);
  if (SIBILANT.test(lower)) return `${word}es`;
  if (lower.endsWith('y') && isConsonant(lower.at(-2))) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Third person singular present: "offboard" → "offboards". */
export function thirdPerson(word: string): string {
  const lower = word.toLowerCase();
  const irregular = { be: 'is', have: 'has', do: 'does', go: 'goes' }[lower];
  if (irregular) return irregular;
  if (SIBILANT.test(lower) || lower.endsWith('o')) return `${word}es`;
  if (lower.endsWith('y') && isConsonant(lower.at(-2))) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

// [past, participle] of the irregular verbs a corporate euphemism is likely to start with.
const IRREGULAR_VERBS: Readonly<Record<string, readonly [string, string]>> = Object.fromEntries(
  (
    'be was been|have had had|do did done|go went gone|make made made|take took taken|give gave given|get got got|' +
    'put put put|let let let|set set set|run ran run|send sent sent|hold held held|bring brought brought|' +
    'keep kept kept|leave left left|see saw seen|come came come|find found found|feel felt felt|lose lost lost|' +
    'cut cut cut|shut shut shut|hit hit hit|say said said|tell told told|think thought thought|buy bought bought|' +
    'sell sold sold|pay paid paid|lay laid laid|meet met met|sit sat sat|stand stood stood|write wrote written|' +
    'speak spoke spoken|break broke broken|choose chose chosen|wear wore worn|draw drew drawn|grow grew grown|' +
    'know knew known|throw threw thrown|fly flew flown|begin began begun|drink drank drunk|eat ate eaten|' +
    'fall fell fallen|forget forgot forgotten|hide hid hidden|lead led led|ride rode ridden|rise rose risen|' +
    'shake shook shaken|sleep slept slept|spend spent spent|steal stole stolen|strike struck struck|' +
    'swim swam swum|teach taught taught|tear tore torn|wake woke woken|win won won|withdraw withdrew withdrawn|' +
    'undertake undertook undertaken|overcome overcame overcome|build built built|rebuild rebuilt rebuilt|' +
    'deal dealt dealt|mean meant meant|seek sought sought|fight fought fought|catch caught caught|' +
    'feed fed fed|shoot shot shot|bleed bled bled|beat beat beaten|bite bit bitten|blow blew blown|' +
    'freeze froze frozen|hang hung hung|quit quit quit|reset reset reset|upset upset upset|mislay mislaid mislaid'
  )
    .split('|')
    .map((row) => {
      const [base, past, participle] = row.split(' ') as [string, string, string];
      return [base, [past, participle] as const];
    }),
);

/** Past tense, or past participle when `participle` is set: "offboard" → "offboarded", "take" → "took"/"taken". */
export function pastTense(word: string, participle = false): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR_VERBS[lower];
  if (irregular) return participle ? irregular[1] : irregular[0];
  if (lower.endsWith('e')) return `${word}d`;
  if (lower.endsWith('y') && isConsonant(lower.at(-2))) return `${word.slice(0, -1)}ied`;
  if (lower.endsWith('c')) return `${word}ked`;
  if (doubles(lower)) return `${word}${word.at(-1)}ed`;
  return `${word}ed`;
}

/** Present participle: "offboard" → "offboarding", "retire" → "retiring", "die" → "dying". */
export function presentParticiple(word: string): string {
  const lower = word.toLowerCase();
  if (lower === 'be' || lower === 'see') return `${word}ing`;
  if (lower.endsWith('ie')) return `${word.slice(0, -2)}ying`;
  if (/(?:ee|ye|oe)$/.test(lower)) return `${word}ing`;
  if (lower.endsWith('e') && lower.length > 2) return `${word.slice(0, -1)}ing`;
  if (lower.endsWith('c')) return `${word}king`;
  if (doubles(lower)) return `${word}${word.at(-1)}ing`;
  return `${word}ing`;
}
