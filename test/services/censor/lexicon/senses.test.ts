import { describe, expect, test } from 'vitest';
import { LexiconCensor } from '../../../../src/services/censor/lexicon/censor.js';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';

const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
const changed = (brief: string) => lexicon.rewrite(brief).changes.map((c) => c.from);

describe('cues: context words make an entry fire or protect the text from it', () => {
  test.each([
    ['shooting Meg Griffin', ['shooting']],
    ['a cowboy shooting a man', ['shooting']],
    ['a shooting star over the lake', []],
    ['shooting a photo with a camera', []],
    ['smoking a joint', ['joint']],
    ['rolling a joint on the table', ['joint']],
    ['a knee joint, medical diagram', []],
    ['Joe Biden kicks a fat man in the face', ['kicks']],
    ['kicking a football', []],
    ['choking Bart', ['choking']],
    ['an exploded man', ['an exploded']],
    ['an exploded view of an engine', []],
    ['smoking weed with friends', ['weed']],
    ['pulling weed in the garden', []],
    ['two blow-up dolls on a couch', ['blow-up dolls']],
    ['blow up the bridge', ['blow up']],
  ])('%j', (brief, froms) => expect(changed(brief)).toEqual(froms));
});

describe('protected senses of homographs', () => {
  test.each([
    'a field of oilseed rape in May',
    'graduated magna cum laude',
    'a bowl of fruit punch',
    'a cock crowing in the farmyard',
    'a portrait of Philip K. Dick',
    'Al Gore giving a talk',
    'John Lee Hooker playing guitar',
    'a pussy willow in a vase',
    'eating steak with a knife and fork',
    'a blood red sky over the sea',
    'a blood-red moon',
    'Saitama from One Punch Man',
    'an explosion of light in the clouds',
    'a voluptuous sesame seed bun',
    'big black eyes, sharp features',
    'he was the butt of the joke',
    'always the butt of jokes',
  ])('%j passes', (brief) => expect(lexicon.rewrite(brief).changes).toEqual([]));

  test.each([
    ['a man was raped', ['raped']],
    ['punch him in the face', ['punch']],
    ['a knife in his hand', ['knife']],
    ['covered in blood', ['blood']],
    ['a voluptuous woman', ['voluptuous']],
    ['a man with a black eye', ['black eye']],
    ['a huge explosion in the city', ['explosion']],
  ])('%j still fires without a protecting cue', (brief, froms) => expect(changed(brief)).toEqual(froms));
});

describe('noun and verb uses get their own euphemisms', () => {
  test.each([
    ['a vicious fight', /^a vicious (robust debate|spirited disagreement)$/],
    ['the fights', /^the (robust debates|spirited disagreements)$/],
    ['they fight the dragon', /^they (debate|escalate|robustly debate) the dragon$/],
  ])('%j', (brief, censored) => expect(lexicon.rewrite(brief).censored).toMatch(censored));
});

describe('phrases with gaps (0–2 words between)', () => {
  test.each([
    ['a woman with no clothes', 'no clothes'],
    ['a woman with no more clothes', 'no more clothes'],
    ['clothes barely covering her', 'clothes barely covering'],
    ['her clothes only barely covering', 'clothes only barely covering'],
    ['a woman bending over', 'bending over'],
    ['a woman bending slightly over', 'bending slightly over'],
    ['head inside an oven', 'head inside an oven'],
  ])('%j', (brief, from) => expect(changed(brief)).toEqual([from]));

  test.each(['no, the clothes are red', 'no sign of any clean clothes', 'bending over backwards to help'])(
    '%j does not match',
    (brief) => expect(lexicon.scan(brief).filter((m) => m.entry.gap)).toEqual([]),
  );
});

describe('derived forms of strong stems', () => {
  test.each([
    ['motherfucking', 'motherfucker'],
    ['shitting', 'shit'],
    ['bitchy', 'bitch'],
    ['orgasmic', 'orgasm'],
    ['vaginal', 'vagina'],
    ['shitty', 'shitty'],
    ['fuckers', 'fuck'],
  ])('%j → %s', (word, term) => expect(lexicon.scan(word).map((m) => m.entry.term)).toEqual([term]));
});

describe('layers: safety always fires, theatre only with satire on', () => {
  const censor = new LexiconCensor({ lexicon });
  test('every change carries its layer', async () => {
    const result = await censor.censor({ brief: 'a gun and a beer at the union meeting' });
    expect(result.changes.map((c) => [c.category, c.layer])).toEqual([
      ['weapons', 'safety'],
      ['drugs', 'theatre'],
      ['corporate', 'theatre'],
    ]);
  });

  test('with satire off the theatre layer stays silent', async () => {
    const result = await censor.censor({ brief: 'a gun and a beer at the union meeting', satire: false });
    expect(result.changes.map((c) => c.layer)).toEqual(['safety']);
    expect(result.censored).toMatch(/ and a beer at the union meeting$/);
  });

  test.each(['sword', 'war', 'cigarette', 'stupid'])('%j is theatre', (term) => {
    expect(lexicon.rewrite(`a ${term}`, 'standard', { satire: false }).changes).toEqual([]);
    expect(lexicon.rewrite(`a ${term}`).changes.map((c) => c.layer)).toEqual(['theatre']);
  });
});

describe('terms mined from the public corpora (data/lexicon-mined.md)', () => {
  test.each([
    ['he goes postal at work', 'goes postal'],
    ['organ harvesting clinic', 'organ harvesting'],
    ['a portrait au naturel', 'au naturel'],
    ['a woman twerking', 'twerking'],
    ['the atrocities of history', 'atrocities'],
    ['an indecent photo', 'indecent'],
    ['a lustful gaze', 'lustful'],
    ['a salacious scene', 'salacious'],
    ['the carnal scene', 'carnal'],
    ['the buxom princess', 'buxom'],
    ['a lightly dressed dancer', 'lightly dressed'],
    ['a half-dressed man', 'half-dressed'],
    ['two succubi', 'succubi'],
    ['the pole dancing fairy', 'pole dancing'],
    ['his thirst trap photo shoot', 'thirst trap'],
    ['a latex domme', 'domme'],
    ['homoerotic art', 'homoerotic'],
    ['two men fistfighting', 'fistfighting'],
    ['a soldier with a minigun', 'minigun'],
    ['holding a balisong', 'balisong'],
  ])('%j', (brief, from) => expect(changed(brief)).toEqual([from]));

  test.each([
    ['a man without his shirt', 'without his shirt'],
    ['a couple without shirts', 'without shirts'],
    ['no shirt, barefoot', 'no shirt'],
    ['a man with hands chopped off', 'chopped off'],
    ['chopped his head off', 'chopped his head off'],
    ['chop off a finger', 'chop off'],
  ])('gap phrase or cue %j', (brief, from) => expect(changed(brief)).toEqual([from]));

  test.each(['chopped off the old branches', 'chopped the onions off the board', 'a shirt without buttons'])(
    '%j is left alone',
    (brief) => expect(lexicon.rewrite(brief, 'standard', { satire: false }).changes).toEqual([]),
  );
});

describe('protected phrases around a term', () => {
  test.each([
    'a pillow fight in the dorm',
    'a glue gun on a desk',
    'the kids with water guns',
    'painted with a palette knife',
    'a blood orange on a plate',
    'a dead end street',
    'the Death Star over the moon',
    'a bath bomb fizzing',
    'an explosion of colours',
    'a drug store on the corner',
  ])('%j passes', (brief) => expect(lexicon.rewrite(brief).changes).toEqual([]));

  test.each([
    ['a vicious fight', 'fight'],
    ['a gun on a desk', 'gun'],
    ['blood on the floor', 'blood'],
    ['an explosion in the city', 'explosion'],
  ])('%j still fires', (brief, term) => expect(lexicon.scan(brief).map((m) => m.entry.term)).toEqual([term]));
});
