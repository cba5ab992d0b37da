/** The scenery a brief can ask for by naming it. Anything else gets abstract corporate shapes. */
export type Motif =
  | 'sea'
  | 'city'
  | 'forest'
  | 'night'
  | 'castle'
  | 'village'
  | 'mountains'
  | 'sun'
  | 'space'
  | 'rain'
  | 'flowers'
  | 'crowd';

// Whole words (plus simple plurals), so "sea" does not fire on "season". The house style's own words
// (figures, illustration, audiences...) are deliberately absent: every prompt carries them.
const KEYWORDS: Readonly<Record<Motif, string>> = {
  sea: 'sea ocean water wave beach lake river coast harbour harbor boat ship shore sail swim island',
  city: 'city skyline urban street building tower office downtown skyscraper metropolis',
  forest: 'forest tree wood woods woodland park jungle nature grove orchard',
  night: 'night moon midnight dark darkness evening nocturnal dusk shadow star starry starlit twilight',
  castle: 'knight castle king queen kingdom medieval fortress dragon palace prince princess royal',
  village: 'village town house home cottage farm hamlet neighbourhood neighborhood cabin suburb',
  mountains: 'mountain hill peak alps snow snowy valley cliff volcano summit',
  sun: 'sun sunny sunshine summer warmth warm heat fire desert sunset sunrise hot burning blaze',
  space: 'space planet rocket galaxy astronaut cosmic orbit universe alien mars',
  rain: 'rain rainy drizzle storm stormy cloud cloudy weather thunder lightning flood wind tornado hurricane',
  flowers: 'flower garden bloom spring plant rose meadow blossom bouquet',
  crowd:
    'crowd gathering people team meeting party festival celebration protest march rally community family friends workshop',
};

const LOOKUP: ReadonlyMap<string, Motif> = new Map(
  Object.entries(KEYWORDS).flatMap(([motif, words]) => words.split(' ').map((word) => [word, motif as Motif] as const)),
);

function motifOf(word: string): Motif | undefined {
  return (
    LOOKUP.get(word) ??
    (word.endsWith('es') ? LOOKUP.get(word.slice(0, -2)) : undefined) ??
    (word.endsWith('s') ? LOOKUP.get(word.slice(0, -1)) : undefined)
  );
}

/** The motifs a prompt names, in the order it first names them, at most `limit`. */
export function detectMotifs(prompt: string, limit = 4): Motif[] {
  const found: Motif[] = [];
  for (const word of prompt.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const motif = motifOf(word);
    if (motif && !found.includes(motif)) found.push(motif);
    if (found.length === limit) break;
  }
  return found;
}
