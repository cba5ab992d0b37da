import { html } from 'hono/html';
import type { Segment } from '../../services/show/frames-types.js';
import type { Performance, Tally } from '../../services/store/schemas.js';
import { cardOf, type PerformanceCard } from '../cards.js';
import { printPath } from '../links.js';

const withKey = (path: string, key: string) => `${path}?key=${encodeURIComponent(key)}`;

/** Segments as markup: hono's `html` escapes every text, and a blackout carries only its length. */
function segments(list: Segment[]) {
  return list.map((s) => {
    switch (s.kind) {
      case 'struck':
        return html`<del class="seg struck">${s.text}</del>`;
      case 'blackout':
        return html`<span class="seg blackout" role="img" aria-label="redacted">${'█'.repeat(s.length)}</span>`;
      case 'inserted':
        return html`<ins class="seg inserted">${s.text}</ins>`;
      case 'flagged':
        return html`<mark class="seg flagged">${s.text}</mark>`;
      default:
        return s.text;
    }
  });
}

function tallyLine(tally: Tally) {
  const total = tally.original + tally.censored;
  // A progress bar, not an inline style: the page's policy allows no inline styles at all.
  return html`<div class="verdict"><progress max="${Math.max(total, 1)}" value="${tally.original}"></progress>
    <span class="v-text">Original ${tally.original} · Censored ${tally.censored}</span></div>`;
}

function layout(title: string, body: unknown) {
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title><link rel="stylesheet" href="/assets/fonts.css" /><link rel="stylesheet" href="/assets/gallery.css" /></head>
<body>${body}</body>
</html>`;
}

function citations(card: PerformanceCard) {
  if (!card.citations.length) return html`<p class="none">No amendments were required.</p>`;
  return html`<ol class="citations">${card.citations.map(
    (c) => html`<li><span class="label">${c.label}</span> <span class="reason">${c.reason}</span></li>`,
  )}</ol>`;
}

export function galleryPage(input: { guildId: string; performances: Performance[]; tallies: Tally[]; key: string }) {
  const cards = input.performances.map((p, i) => {
    const card = cardOf(p);
    return html`<article class="card">
      <a href="${withKey(card.page, input.key)}"><img src="${withKey(card.poster, input.key)}" alt="Poster: ${card.prompt}" loading="lazy" /></a>
      <div class="card-body">
        <h2><a href="${withKey(card.page, input.key)}">Performance №${card.number}</a></h2>
        <p class="original">${segments(card.original)}</p>
        <p class="prompt">${card.prompt}</p>
        ${tallyLine(input.tallies[i] ?? { original: 0, censored: 0 })}
        ${card.appeal ? html`<p class="appeal">${card.appeal}</p>` : ''}
      </div>
    </article>`;
  });
  return layout(
    'Compliance Theatre — Gallery',
    html`<header class="masthead"><h1>Compliance Theatre</h1><p>The approved record · ${input.performances.length === 1 ? '1 performance' : `${input.performances.length} performances`}, newest first</p></header>
    <main class="gallery">${cards.length ? cards : html`<p class="empty">No performance has reached its final cut yet.</p>`}</main>`,
  );
}

export function performancePage(input: { performance: Performance; tally: Tally; key: string }) {
  const card = cardOf(input.performance);
  const { key } = input;
  return layout(
    `Compliance Theatre — Performance №${card.number}`,
    html`<header class="masthead"><h1>Compliance Theatre</h1><p>Performance №${card.number} · the approved record</p></header>
    <main class="performance">
      <figure><img src="${withKey(card.poster, key)}" alt="Poster: ${card.prompt}" /></figure>
      <section>
        <h2>As submitted</h2><p class="original big">${segments(card.original)}</p>
        <h2>As approved</h2><p class="prompt big">${card.prompt}</p>
        <h2>Citations</h2>${citations(card)}
        <h2>Audience verdict</h2>${tallyLine(input.tally)}
        ${card.appeal ? html`<p class="appeal">${card.appeal}</p>` : ''}
        <p class="actions"><a class="print" href="${withKey(printPath(input.performance), key)}">The redline document (A3, 300 dpi)</a></p>
      </section>
    </main>`,
  );
}

export function notFoundPage(message = 'Nothing is on record at this address.') {
  return layout('Compliance Theatre', html`<main class="nothing"><h1>Compliance Theatre</h1><p>${message}</p></main>`);
}
