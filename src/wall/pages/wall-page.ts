import { html, raw } from 'hono/html';
import QRCode from 'qrcode';
import type { Performance } from '../../services/store/schemas.js';
import { cardOf } from '../cards.js';
import type { WallState } from '../state.js';
import { jsonScript } from './escape.js';

export interface WallPageInput {
  state: WallState;
  recent: Performance[];
  key: string;
  view: 'wall' | 'obs';
  inviteUrl?: string;
}

async function qrCode(url: string | undefined) {
  if (!url) return '';
  // Made here, from the configured address only: the SVG holds no text from anyone in the audience.
  const svg = await QRCode.toString(url, {
    type: 'svg',
    margin: 0,
    errorCorrectionLevel: 'M',
    color: { dark: '#111111', light: '#ffffff' },
  });
  return html`<div class="qr"><div class="qr-code" role="img" aria-label="QR code: join the show on Discord">${raw(svg)}</div>
    <p class="qr-line">Submit a brief<br /><strong>/brief</strong> on Discord</p></div>`;
}

/** The live wall (or the OBS overlay): a shell the client script fills from the state and the event stream. */
export async function wallPage(input: WallPageInput) {
  const data = { state: input.state, recent: input.recent.map(cardOf), key: input.key, view: input.view };
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=1920, initial-scale=1" />
<title>Compliance Theatre — Live Wall</title>
<link rel="stylesheet" href="/assets/fonts.css" />
<link rel="stylesheet" href="/assets/wall.css" />
<link rel="stylesheet" href="/assets/wall-side.css" />
</head>
<body class="view-${input.view}">
${jsonScript('wall-data', data)}
<main id="wall" class="wall" data-mode="idle">
  <header class="masthead">
    <div class="brand"><span class="brand-name">Compliance Theatre</span><span class="brand-sub">Content Standards Division · Public Review</span></div>
    <div class="status"><span class="onair" id="onair">Live</span><span class="perf-number" id="perf-number"></span></div>
  </header>
  <section class="stage" id="stage" aria-live="polite">
    <div class="badge" id="stage-badge" data-stage=""></div>
    <h1 class="title" id="stage-title"></h1>
    <p class="brief" id="brief"></p>
    <div class="approved" id="approved" hidden><h2>Approved for production</h2><p id="prompt"></p></div>
    <ol class="citations" id="citations"></ol>
  </section>
  <aside class="side">
    <figure class="poster" id="poster" hidden><img id="poster-img" alt="" /><figcaption id="poster-caption"></figcaption></figure>
    <div class="tally" id="tally" hidden>
      <h2>Audience verdict</h2>
      <div class="bar original"><span class="bar-label">Original</span><span class="bar-track"><span class="bar-fill" id="tally-original-bar"></span></span><span class="bar-count" id="tally-original">0</span></div>
      <div class="bar censored"><span class="bar-label">Censored</span><span class="bar-track"><span class="bar-fill" id="tally-censored-bar"></span></span><span class="bar-count" id="tally-censored">0</span></div>
    </div>
    <div class="legend" aria-label="How to read the wall">
      <h2>How to read the review</h2>
      <div><span class="sample flagged">term</span> under review</div>
      <div><span class="sample struck">struck</span> struck by the censor</div>
      <div><span class="sample blackout">&nbsp;</span> withheld entirely</div>
      <div><span class="sample inserted">approved</span> approved language</div>
    </div>
    <div class="queue" id="queue"></div>
    ${input.view === 'wall' ? await qrCode(input.inviteUrl) : ''}
  </aside>
  <footer class="notes" id="notes"></footer>
</main>
<script src="/assets/wall.js" defer></script>
</body>
</html>`;
}
