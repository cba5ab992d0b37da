import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';

const safety = Lexicon.fromEntries(loadBuiltInLexiconEntries()).safetyOnly;
const terms = (brief: string) => safety.scan(brief).map((m) => m.entry.term);

// A small Hindi/Hinglish set (data/lexicon-mined.md): Devanagari and romanised spellings of one word share an entry.
describe('Hindi and Hinglish profanity', () => {
  test.each([
    ['यह एक चूतिया परीक्षण है।', 'chutiya'],
    ['Ye ek chutiya test hai.', 'chutiya'],
    ['tum chutiya ho', 'chutiya'],
    ['chutiye', 'chutiya'],
    ['यह भोसड़ी वाला', 'bhosdike'],
    ['bhosdike', 'bhosdike'],
    ['madarchod', 'madarchod'],
    ['मादरचोद', 'madarchod'],
    ['bhenchod', 'behenchod'],
    ['बहनचोद', 'behenchod'],
    ['gaand', 'gaand'],
    ['गाँड', 'gaand'],
    ['gandu', 'gandu'],
    ['harami', 'harami'],
    ['हरामी', 'harami'],
    ['kutiya', 'kutiya'],
    ['लौड़ा', 'lauda'],
    ['रंडी', 'रंडी'],
    ['chudai', 'chod'],
    ['madarch0d', 'madarchod'],
  ])('%j → %s', (brief, term) => {
    expect(terms(brief)).toContain(term);
  });

  test.each([
    'गांधी जी',
    'Mahatma Gandhi',
    'चटनी और समोसा',
    'chutney and samosa',
    'कल छुट्टी है',
    'kal chutti hai',
    'लड़का गाना गा रहा है',
    'Niki Lauda at Monza',
    'haram food',
    'Randi Zuckerberg',
    'a grand canyon',
    'the bench chord',
    'कुत्ता भौंक रहा है',
    'choti si baat',
  ])('leaves %j alone', (brief) => {
    expect(safety.scan(brief)).toEqual([]);
  });
});
