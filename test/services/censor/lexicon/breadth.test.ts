import { describe, expect, test } from 'vitest';
import { Lexicon, loadBuiltInLexiconEntries } from '../../../../src/services/censor/lexicon/index.js';

// The third round of the lexicon (data/lexicon-mined.md): derived words, verb uses of nouns, and senses in context.
const lexicon = Lexicon.fromEntries(loadBuiltInLexiconEntries());
const safety = lexicon.safetyOnly;
const terms = (brief: string) => safety.scan(brief).map((m) => m.entry.term);

describe('unsafe words and phrases of the third round fire in the safety layer', () => {
  test.each([
    ['a sexually suggestive pose', ['sexually', 'suggestive']],
    ['an escort in a hotel room', ['escort']],
    ['a woman with big tits', ['tit']],
    ['a peep show booth', ['peep show']],
    ['a model wearing absolutely nothing', ['wearing nothing']],
    ['guts spilling out of the soldier', ['guts']],
    ['he was slitting his throat', ['slit throat']],
    ['a girl cutting her wrists', ['cut wrists']],
    ['a zombie eating brains', ['brains']],
    ['snorting a line of coke', ['coke']],
    ['smoking crack under a bridge', ['crack']],
    ['tripping on acid at a festival', ['acid']],
    ['popping pills in a club', ['pill']],
    ['smoking a blunt on the porch', ['blunt']],
    ['an isis flag on a truck', ['isis']],
    ['a man hanging himself', ['hang himself']],
    ['a corpse hanged from the gallows', ['corpse', 'hang', 'gallows']],
    ['a man gunned down in the street', ['gun down']],
    ['she was bound and gagged', ['bound and gagged']],
    ['villagers butchered by raiders', ['butchered']],
    ['maggots crawling in a wound', ['maggot']],
    ['a brutally beaten man', ['brutally', 'beaten']],
    ['a kalashnikov on the table', ['kalashnikov']],
    ['a mushroom cloud over the city', ['mushroom cloud']],
    ['third reich propaganda', ['third reich']],
    ['charred bodies in the rubble', ['charred']],
    ['a soldier shot in the head', ['shot in the head']],
    ['a sexualized cartoon', ['sexualize']],
    ['sadistic guards', ['sadistic']],
    ['a junkie shooting up heroin', ['junkie', 'shoot up', 'heroin']],
    ['a Klan rally', ['klan']],
    ['throat cut, blood everywhere', ['throat cut', 'blood']],
    ['a proud boys rally', ['proud boys']],
    ['a 1488 tattoo', ['1488']],
    ['xanax bars on a table', ['xanax']],
    ['sipping lean from a styrofoam cup', ['lean']],
    ['track marks on his arm', ['track marks']],
    ['a curb stomp', ['curb stomp']],
    ['they cut off his hand', ['cut off']],
    ['he took his own life', ['take own life']],
    ['she ended her life', ['end her life']],
    ['a girl with scars on her wrists', ['scars wrists']],
    ['starving herself for a photo', ['starve herself']],
    ['a massage parlor happy ending', ['happy ending']],
    ['a beaten prisoner', ['beaten']],
  ])('%j', (brief, expected) => expect(terms(brief)).toEqual(expected));
});

describe('derived words are their own entries or listed forms', () => {
  test.each([
    ['sexiness', 'sexiness'],
    ['a sexier nurse', 'sexy'],
    ['nakedness', 'nakedness'],
    ['an attacker in the dark', 'attacker'],
    ['the torturers', 'torturer'],
    ['seductively posed', 'seductively'],
    ['molestation', 'molestation'],
    ['impalement', 'impalement'],
    ['misogynistic slogans', 'misogynist'],
  ])('%j → %s', (brief, term) => expect(terms(brief)).toEqual([term]));
});

describe('innocent senses of the new homographs pass', () => {
  test.each([
    'a blue tit on a branch',
    'a great tit at the feeder',
    'a glass of coke with ice',
    'a crack in the wall',
    'an acid green dress',
    'a blunt pencil',
    'paintings hanging on the wall',
    'a statue of isis with golden wings',
    'a guitarist fingering chords',
    'flesh tones in the portrait',
    'an escort of royal guards',
    'suggestive of a storm',
    'a spanking new car',
    'flogging a dead horse',
    'he cut himself a slice of cake',
    'a brutally honest review',
    'a strangler fig tree',
    'a lean muscular man',
    'lean against the wall',
    'cut off the power',
    'a man cut off from the world',
    'end of life care',
    'a happy ending to the fairy tale',
  ])('%j', (brief) => expect(safety.scan(brief)).toEqual([]));
});

describe('homographs that fired on their innocent senses are protected', () => {
  test.each([
    'a baby bottle nipple',
    'a killer whale',
    'a killer app',
    'a drop-dead gorgeous dress',
    'a bloody mary cocktail',
    'a cheese knife',
    'a shotgun wedding',
    'a bomb pop ice cream',
    'a suicide squad comic',
    'a naked tree in winter',
    'the naked eye',
    'a nude lipstick',
    'a topless convertible car',
    'a thong sandal',
    'a gun dog retriever',
    'a bullet train',
    'a bullet journal',
    'a fight or flight response',
    'fighting fires in the forest',
    'Dick Van Dyke',
    'spotted dick pudding',
    'a slash in the price',
    'the execution of a plan',
    'slaughterhouse five',
    'attack on titan fan art',
    'a man having a heart attack',
    'a first-person shooter game',
    'a slap bracelet',
    'bikini atoll',
    'a pistol shrimp underwater',
    'a steamy cup of coffee',
    'a sultry summer evening',
    "Dante's Inferno",
    'rotting leaves in autumn',
    'severed ties between two nations',
    'pancakes smothered in syrup',
    'a splitting maul next to a log',
    'gypsy moth caterpillar',
    'a master and slave circuit',
    "Tarkovsky's Stalker",
    'paint stripper on a workbench',
    'an opium poppy field',
    'dying light at sunset',
    'drowning in flowers',
    'colour bleed on watercolor paper',
    'an ass pulling a cart',
    'a bitch nursing her puppies',
    'a bastard sword on a rack',
    'pirate booty in a treasure chest',
    'a chicken breast on a grill',
    'a groin vault in a cathedral',
    'a fashion victim',
    'a death tarot card',
    'dope beats producer',
    'a hostage negotiation training room',
    'an assault course',
    'a gun metal grey car',
    'the smoking gun evidence',
    'a torture test for the phone',
    'a heroin chic fashion shoot',
  ])('%j', (brief) => expect(safety.scan(brief)).toEqual([]));
});

describe('a protecting word is not a loophole for the unsafe sense beside it', () => {
  test.each([
    ['a dying soldier by the fire', ['dying']],
    ['a grey gun', ['gun']],
    ['a breast with a nipple piercing', ['breast', 'nipple']],
  ])('%j', (brief, expected) => expect(terms(brief)).toEqual(expected));
});

describe('a noun used as a verb takes its verb euphemisms', () => {
  test.each([
    ['he was guillotined', /^he was (?:vertically offboarded|decapitalised)$/],
    ['a man knifed in an alley', /^a man (?:precision-engaged|gave pointed feedback to) in an alley$/],
    ['she overdosed', /^she (?:over-delivered|over-consumed)$/],
    ['a rampaging bull', /^a (?:surging|walking about energetically) bull$/],
    ['a guillotine', /^a (?:vertical paper trimmer|legacy headcount solution)$/],
  ])('%j', (brief, censored) => expect(lexicon.rewrite(brief).censored).toMatch(censored));
});

describe('a replacement that needs an object gets one, or one that stands alone is chosen', () => {
  test.each([
    ['they hijacked the plane', /^they (?:took ownership of|reassigned control of|repurposed) the plane$/],
    ['a hijacked plane', /^a repurposed plane$/],
    ['a decapitated driver', /^a top-sliced driver$/],
    ['a woman slitting her own throat', /^a woman (?:making a decisive collar adjustment|tidying a neckline)$/],
  ])('%j', (brief, censored) => expect(lexicon.rewrite(brief).censored).toMatch(censored));
});

describe('a listed form with another object inflects as the term does', () => {
  test.each([
    ['end his life', /^(?:request urgent wellbeing support|escalate a wellbeing concern)$/],
    ['he ended his life', /^he (?:requested urgent wellbeing support|escalated a wellbeing concern)$/],
    ['she jumps in front of a train', /^she (?:misses the train on purpose|requests urgent wellbeing support)$/],
  ])('%j', (brief, censored) => expect(lexicon.rewrite(brief).censored).toMatch(censored));
});

describe('a listed form that is no plural keeps its euphemism as it is', () => {
  test.each([
    ['fecal matter', 'feces'],
    ['faeces on the floor', 'feces'],
    ['motherfucking', 'motherfucker'],
  ])('%j (%s)', (brief, term) => {
    const [change] = lexicon.rewrite(brief).changes;
    const entry = loadBuiltInLexiconEntries().find((e) => e.term === term);
    expect(entry?.euphemisms.map((u) => u.toLowerCase())).toContain(change?.to.toLowerCase());
  });

  test('a listed plural still pluralises: "two motherfuckers"', () => {
    expect(lexicon.rewrite('two motherfuckers').censored).toMatch(/^two valued parents$|s$/);
  });
});

describe('the satire fires on labour and power, not on other senses of its words', () => {
  test.each([
    'strike a pose on the runway',
    'a lightning strike over the sea',
    'a bowling strike',
    'the union jack flag',
    'a riot of colour in the garden',
    'star wars stormtroopers',
    'a tug of war at the picnic',
    'a rap battle',
  ])('%j passes with satire on', (brief) => expect(lexicon.scan(brief)).toEqual([]));

  test.each([
    ['workers on strike', 'strike'],
    ['the union rally', 'union'],
    ['a street riot', 'riot'],
  ])('%j still fires', (brief, term) => expect(lexicon.scan(brief).map((m) => m.entry.term)).toContain(term));
});

describe('round four: classes the held-out briefs exposed (data/lexicon-mined.md)', () => {
  test.each([
    ['a crushed skull on the pavement', ['skull crushed']],
    ['he blew his head off', ['blow head off']],
    ['a junkie with a needle in his arm', ['junkie', 'needle in arm']],
    ['the bloodiest battle', ['bloody']],
    ['a belly cut open', ['cut open']],
    ['a white pride banner', ['white pride']],
    ['a woman with no clothing on', ['no clothing']],
    ['a bottomless dancer', ['bottomless']],
    ['a sucide note', ['suicide']],
  ])('%j', (brief, expected) => expect(terms(brief).slice(0, expected.length)).toEqual(expected));

  test.each([
    'killing it on stage',
    'dressed to kill',
    'a murder of crows on a fence',
    'a naked mole rat',
    'a horny toad in the desert',
    'a corpse flower in bloom',
    'a rugby hooker in the scrum',
    'a penalty shootout',
    'a bottomless pit',
    'a full bleed print',
    "a Guns N' Roses poster",
    'dying to know the ending',
  ])('%j passes', (brief) => expect(safety.scan(brief)).toEqual([]));
});
