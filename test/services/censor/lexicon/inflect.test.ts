import { describe, expect, test } from 'vitest';
import { indefiniteArticle } from '../../../../src/services/censor/lexicon/article.js';
import { inflectEuphemism, matchCase } from '../../../../src/services/censor/lexicon/euphemism.js';
import {
  matchVariants,
  pastTense,
  pluralize,
  presentParticiple,
  thirdPerson,
} from '../../../../src/services/censor/lexicon/inflect.js';

describe('matchVariants derives the forms a term is matched in', () => {
  test.each([
    ['gun', 'noun', ['gun', 'guns']],
    ['axe', 'noun', ['axe', 'axes']],
    ['bus', 'noun', ['bus', 'buses', 'busses']],
    ['body', 'noun', ['body', 'bodies']],
    ['knife', 'noun', ['knife', 'knifes', 'knives']],
    ['gunman', 'noun', ['gunman', 'gunmans', 'gunmen']],
    ['kill', 'verb', ['kill', 'kills', 'killed', 'killing']],
    ['stab', 'verb', ['stab', 'stabs', 'stabbed', 'stabbing']],
    ['strip', 'verb', ['strip', 'strips', 'stripped', 'stripping']],
    ['shame', 'verb', ['shame', 'shames', 'shamed', 'shaming', 'shameing']],
    ['die', 'verb', ['die', 'dies', 'died', 'dying']],
    ['bury', 'verb', ['bury', 'buries', 'buried', 'burying']],
    ['panic', 'verb', ['panic', 'panics', 'paniced', 'panicing', 'panicked', 'panicking']],
    ['naked', 'adjective', ['naked']],
    ['47', 'noun', ['47']],
  ] as const)('%s (%s)', (word, pos, forms) => {
    expect(matchVariants(word, pos).map(([form]) => form)).toEqual(forms);
  });
});

describe('one correct spelling for euphemisms', () => {
  test.each([
    ['device', 'devices'],
    ['box', 'boxes'],
    ['policy', 'policies'],
    ['day', 'days'],
    ['person', 'people'],
    ['knife', 'knives'],
    ['equipment', 'equipment'],
  ])('pluralize(%s) = %s', (word, plural) => expect(pluralize(word)).toBe(plural));

  test.each([
    ['offboard', 'offboards'],
    ['reassess', 'reassesses'],
    ['clarify', 'clarifies'],
    ['go', 'goes'],
    ['have', 'has'],
  ])('thirdPerson(%s) = %s', (word, form) => expect(thirdPerson(word)).toBe(form));

  test.each([
    ['offboard', false, 'offboarded'],
    ['retire', false, 'retired'],
    ['clarify', false, 'clarified'],
    ['tap', false, 'tapped'],
    ['regret', false, 'regretted'],
    ['target', false, 'targeted'],
    ['take', false, 'took'],
    ['take', true, 'taken'],
    ['let', false, 'let'],
  ] as const)('pastTense(%s, %s) = %s', (word, participle, form) => expect(pastTense(word, participle)).toBe(form));

  test.each([
    ['offboard', 'offboarding'],
    ['retire', 'retiring'],
    ['die', 'dying'],
    ['see', 'seeing'],
    ['tap', 'tapping'],
    ['agree', 'agreeing'],
  ])('presentParticiple(%s) = %s', (word, form) => expect(presentParticiple(word)).toBe(form));
});

describe('inflectEuphemism inflects the right word of a phrase', () => {
  test.each([
    ['approved device', 'plural', 'approved devices'],
    ['bottle of sparkling juice', 'plural', 'bottles of sparkling juice'],
    ['offboard', 'third', 'offboards'],
    ['permanently offboard', 'past', 'permanently offboarded'],
    ['comply with', 'ing', 'complying with'],
    ['give feedback to', 'past', 'gave feedback to'],
    ['take aside', 'participle', 'taken aside'],
    ['business casual', 'base', 'business casual'],
  ] as const)('%s (%s) → %s', (euphemism, inflection, expected) => {
    expect(inflectEuphemism(euphemism, inflection)).toBe(expected);
  });
});

describe('case and articles', () => {
  test.each([
    ['approved device', 'gun', 'approved device'],
    ['approved device', 'Gun', 'Approved device'],
    ['approved device', 'GUN', 'APPROVED DEVICE'],
    ['HR-approved tool', 'gun', 'HR-approved tool'],
    ['approved device', 'G', 'Approved device'],
  ])('matchCase(%s, %s) = %s', (replacement, original, expected) => {
    expect(matchCase(replacement, original)).toBe(expected);
  });

  test.each([
    ['approved device', 'an'],
    ['wellness tool', 'a'],
    ['hour of reflection', 'an'],
    ['honest conversation', 'an'],
    ['union-approved tool', 'a'],
    ['useful gadget', 'a'],
    ['one-off', 'a'],
    ['European standard', 'a'],
    ['HR matter', 'an'],
    ['NDA', 'an'],
    ['PR opportunity', 'a'],
    ['8-step plan', 'an'],
    ['11th-hour pivot', 'an'],
    ['100% solution', 'a'],
  ])('indefiniteArticle(%s) = %s', (phrase, article) => expect(indefiniteArticle(phrase)).toBe(article));
});
