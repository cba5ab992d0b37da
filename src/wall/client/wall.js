// The live wall's client: renders the wall state the server hands it (on load and over Server-Sent Events).
// Every piece of text from the audience goes in through textContent, never as markup.
(() => {
  const data = JSON.parse(document.getElementById('wall-data').textContent);
  const $ = (id) => document.getElementById(id);
  const wall = $('wall');
  const BADGES = {
    received: 'Received',
    scanning: 'Scanning',
    marking: 'Redline',
    replacing: 'Amending',
    approved: 'Approved',
    blocked: 'Refused',
  };
  /** How long a finished act stays up before the idle loop of past performances returns. */
  const FINALE_HOLD_MS = 45_000;
  const IDLE_STEP_MS = 9_000;
  // Publish-to-DOM time of each frame shown (same machine clock as the server): what `npm run bench` reads.
  const stats = { frameLatencies: [], applied: 0 };
  window.wallStats = stats;
  let state = data.state;
  let lastSeq = state.seq;
  const recent = data.recent;
  let idleIndex = 0;
  let idleTimer;

  const withKey = (path) => `${path}?key=${encodeURIComponent(data.key)}`;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function segmentNode(segment) {
    switch (segment.kind) {
      case 'flagged':
        return el('mark', `seg flagged tier-${segment.tier}`, segment.text);
      case 'struck':
        return el('del', 'seg struck', segment.text);
      case 'blackout': {
        // Only a length reaches the page; the bar is drawn as wide as the word was.
        const bar = el('span', 'seg blackout', '\u2588'.repeat(segment.length));
        bar.setAttribute('role', 'img');
        bar.setAttribute('aria-label', 'redacted');
        return bar;
      }
      case 'inserted':
        return el('ins', 'seg inserted', segment.text);
      default:
        return document.createTextNode(segment.text);
    }
  }

  function fill(node, segments) {
    node.replaceChildren(...segments.map(segmentNode));
  }

  function citationList(notes) {
    $('citations').replaceChildren(
      ...notes.map((note, i) => {
        const item = el('li', `citation cat-${note.category}`);
        item.append(
          el('span', 'cite-no', `§${i + 1}`),
          el('span', 'cite-label', note.label),
          el('span', 'cite-reason', note.reason),
        );
        return item;
      }),
    );
  }

  function showPoster(src, caption) {
    const img = $('poster-img');
    if (img.getAttribute('src') !== withKey(src)) img.setAttribute('src', withKey(src));
    img.alt = `Poster: ${caption}`;
    $('poster-caption').textContent = caption;
    $('poster').hidden = false;
  }

  function showTally(tally) {
    const total = tally.original + tally.censored;
    for (const side of ['original', 'censored']) {
      $(`tally-${side}`).textContent = String(tally[side]);
      $(`tally-${side}-bar`).style.width = `${total ? Math.round((tally[side] / total) * 100) : 0}%`;
    }
    $('tally').hidden = false;
  }

  function showQueue() {
    const next = state.queue;
    $('queue').textContent = next.length
      ? `Next: ${next
          .slice(0, 4)
          .map((n) => `Brief №${n}`)
          .join(' · ')}`
      : 'The queue is open';
  }

  function renderAct(act) {
    wall.dataset.mode = act.finale ? 'finale' : act.failed ? 'failed' : 'act';
    $('perf-number').textContent = `Performance №${act.number}`;
    const frame = act.frame;
    const stage = act.failed ? 'blocked' : frame ? frame.phase : 'received';
    const badge = $('stage-badge');
    badge.textContent = act.failed ? 'Closed' : frame?.badge || BADGES[stage];
    badge.dataset.stage = stage;
    $('stage-title').textContent = act.failed || (frame ? frame.title : 'Brief received.');
    if (act.finale) fill($('brief'), act.finale.original);
    else fill($('brief'), frame ? frame.segments : act.brief);
    citationList(frame ? frame.notes : []);
    const prompt = act.finale ? act.finale.prompt : frame?.prompt;
    $('approved').hidden = !prompt;
    $('prompt').textContent = prompt || '';
    $('notes').textContent = act.notes.join('  ·  ');
    if (act.finale) {
      showPoster(act.finale.poster, act.finale.prompt);
      showTally(act.finale.tally);
    } else {
      $('poster').hidden = true;
      $('tally').hidden = true;
    }
  }

  function renderIdle() {
    const withdrawn = state.withdrawn || [];
    for (let i = recent.length - 1; i >= 0; i -= 1) if (withdrawn.includes(recent[i].number)) recent.splice(i, 1);
    const card = recent[idleIndex % recent.length];
    wall.dataset.mode = 'idle';
    $('perf-number').textContent = card ? `From the archive · №${card.number}` : '';
    const badge = $('stage-badge');
    badge.textContent = card ? 'Archive' : 'Standing by';
    badge.dataset.stage = 'idle';
    $('stage-title').textContent = card
      ? `Performance №${card.number}, as approved.`
      : 'The Content Standards Division awaits your brief.';
    fill(
      $('brief'),
      card
        ? card.original
        : [{ kind: 'plain', text: 'Type /brief in Discord. Your prompt will be reviewed in public.' }],
    );
    citationList(card ? card.citations : []);
    $('approved').hidden = !card;
    $('prompt').textContent = card ? card.prompt : '';
    $('notes').textContent = card?.appeal ?? '';
    $('tally').hidden = true;
    if (card) showPoster(card.poster, card.prompt);
    else $('poster').hidden = true;
  }

  function idle(act) {
    return !act || (act.endedAt !== undefined && Date.now() - act.endedAt > FINALE_HOLD_MS);
  }

  function render() {
    clearTimeout(idleTimer);
    showQueue();
    if (idle(state.act)) {
      renderIdle();
      if (recent.length > 1)
        idleTimer = setTimeout(() => {
          idleIndex += 1;
          render();
        }, IDLE_STEP_MS);
    } else {
      renderAct(state.act);
      if (state.act.endedAt !== undefined)
        idleTimer = setTimeout(render, FINALE_HOLD_MS - (Date.now() - state.act.endedAt) + 50);
    }
    document.body.dataset.seq = String(state.seq);
  }

  function remember(act) {
    if (!act?.finale || recent.some((card) => card.number === act.number)) return;
    recent.unshift({
      number: act.number,
      original: act.finale.original,
      prompt: act.finale.prompt,
      citations: act.frame ? act.frame.notes : [],
      poster: act.finale.poster,
    });
    recent.splice(12);
  }

  function apply(message) {
    if (message.state.seq < lastSeq) return;
    lastSeq = message.state.seq;
    state = message.state;
    remember(state.act);
    render();
    stats.applied += 1;
    if (message.kind === 'frame') stats.frameLatencies.push(Date.now() - message.at);
  }

  render();
  const events = new EventSource(`${location.pathname.replace(/\/$/, '')}/events?key=${encodeURIComponent(data.key)}`);
  // A reconnect (the browser retries on its own) is handed the whole state again, so the act resumes in place.
  events.addEventListener('state', (event) => apply(JSON.parse(event.data)));
  events.addEventListener('open', () => {
    // The first message after a (re)connect is the whole state, even from a restarted feed that counts anew.
    lastSeq = -1;
    document.body.classList.remove('offline');
  });
  events.addEventListener('error', () => document.body.classList.add('offline'));
})();
