import { z } from 'zod';

const PLACEHOLDER = /\{(\w+)\}/g;

/** The placeholders a line uses, e.g. `Performance №{number}` → `['number']`. */
export function placeholdersOf(line: string): string[] {
  return [...new Set([...line.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
}

/**
 * One line of the script, taking exactly these placeholders: a voice may reword a line but not drop the
 * performance number or invent a value the code does not have.
 */
function line(...names: string[]) {
  const wanted = [...names].sort().join(',');
  return z
    .string()
    .trim()
    .min(1)
    .refine((text) => placeholdersOf(text).join(',') === wanted, {
      message: names.length ? `takes exactly the placeholders {${names.join('}, {')}}` : 'takes no placeholders',
    });
}

const phases = {
  received: line(),
  scanning: line(),
  marking: line(),
  replacing: line(),
  approved: line(),
  blocked: line(),
};

const posterKind = z.object({ stampBig: line(), stampSmall: line(), caption: line(), footer: line() });

/**
 * Every line the audience reads, in one voice. Lines are filled only with safe fields (numbers, counts, the
 * approved prompt, policy reasons, redline terms): blackout and block terms never reach a template.
 */
export const scriptSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z-]*$/),
  description: line(),
  /** The words on each phase's badge; presenters add their own decoration (an emoji, brackets). */
  badges: z.strictObject(phases),
  frames: z.strictObject({
    received: line(),
    scanningOne: line(),
    scanningMany: line('count'),
    scanningNone: line(),
    marking: line('reason'),
    bulk: line('count'),
    replacedOne: line('to'),
    replacedBulk: line(),
    refused: line('reason'),
    refusedReason: line(),
    /** What a block-tier term becomes in a citation: "█████ → refused". */
    refusedLabel: line(),
    approvedAmended: line(),
    approvedAsSubmitted: line(),
    approvedPrompt: line(),
    citations: line(),
  }),
  act: z.strictObject({
    failure: line(),
    skipped: line(),
    resumed: line(),
    /** What a failure line left by an act that then resumed is edited to say. */
    recovered: line(),
    awaitRelease: line(),
    awaitAppeal: line(),
    vetoed: line(),
    withdrawn: line('number'),
    refusedNoImage: line(),
    fallbackBoth: line(),
    fallbackCensor: line('engine'),
    fallbackImage: line('engine'),
  }),
  hearing: z.strictObject({
    reconsidering: line(),
    failed: line(),
    deniedByModerators: line(),
    groundsWithheld: line(),
    grantedTitle: line(),
    deniedTitle: line(),
    grantedText: line('prompt'),
    deniedText: line(),
    groundsField: line(),
    reinstated: line(),
    upheld: line(),
    nothing: line(),
    redactedTerm: line('category'),
    footer: line('number'),
    modalTitle: line(),
    groundsLabel: line(),
    groundsPlaceholder: line(),
  }),
  finale: z.strictObject({
    title: line('number'),
    appealCutTitle: line('number'),
    originalBrief: line(),
    approvedOnAppeal: line(),
    audienceVerdict: line(),
    footer: line('engine', 'appeal'),
    appealAvailable: line(),
    tallyNone: line(),
    tally: line('original', 'censored', 'share'),
    tallyAppeal: line('appeal'),
    altApproved: line(),
    altOriginal: line(),
    altAppealCut: line(),
    imageInThread: line('thread'),
    gallery: line(),
    galleryLink: line('number'),
  }),
  buttons: z.strictObject({
    original: line('count'),
    censored: line('count'),
    appealCut: line('count'),
    appeal: line(),
    appealed: line(),
    withdraw: line(),
    release: line(),
    veto: line(),
    grant: line(),
    deny: line(),
  }),
  discord: z.strictObject({
    threadName: line('number'),
    briefHead: line('number', 'author'),
    frameFooter: line('number'),
    noteFooter: line('number'),
  }),
  /** Private answers to the member who acted, and the lines that close a moderator's decision. */
  replies: z.strictObject({
    briefNext: line('number'),
    briefQueued: line('number', 'place'),
    briefRefused: line('number', 'reasons'),
    appealLodged: line(),
    appealUpheld: line(),
    appealOverturned: line(),
    released: line('moderator'),
    vetoed: line('moderator'),
    appealGranted: line('moderator'),
    appealDenied: line('moderator'),
    withdrawn: line('number'),
    /** A click or command the store could not record (unreachable or locked for longer than the bot waits). */
    storeUnavailable: line(),
  }),
  terminal: z.strictObject({
    title: line('number'),
    poster: line('file'),
    original: line('file'),
    appealCut: line('file'),
  }),
  poster: z.strictObject({
    approved: posterKind,
    original: posterKind,
    appeal: posterKind,
    chip: line('number'),
  }),
});

/** A voice: the whole script, validated. */
export type Script = z.infer<typeof scriptSchema>;

/** Fills a line's placeholders. Values are safe fields only; a missing one is a programming error. */
export function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`script line "${template}" needs {${name}}`);
    return String(value);
  });
}
