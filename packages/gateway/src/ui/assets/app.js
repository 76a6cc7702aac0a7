'use strict';

// Every piece of report content reaches the DOM as a text node or an attribute value set
// through the DOM API, never through innerHTML: messages and traces are attacker-controlled.
(() => {
  const ISSUE_PAGE = 50;
  const MAX_ISSUES = 200;
  const OCCURRENCES = 50;
  const GITHUB = 'https://github.com/';

  const view = document.getElementById('view');
  const live = document.getElementById('live');
  const state = { issueLimit: ISSUE_PAGE, selected: new Map(), rendering: false, again: false };

  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {})) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'class') el.className = value;
      else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
      else el.setAttribute(key, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== undefined && child !== null && child !== false) el.append(child);
    }
    return el;
  }

  async function getJson(path) {
    const response = await fetch(path, { headers: { accept: 'application/json' } });
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
  }

  const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const STEPS = [
    [60, 'second'],
    [60, 'minute'],
    [24, 'hour'],
    [30, 'day'],
    [12, 'month'],
    [Infinity, 'year'],
  ];

  function ago(iso) {
    let amount = (Date.parse(iso) - Date.now()) / 1000;
    for (const [size, unit] of STEPS) {
      if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
      amount /= size;
    }
    return iso;
  }

  function timeAgo(iso) {
    return h('time', { datetime: iso, title: new Date(iso).toLocaleString(), 'data-relative': true }, ago(iso));
  }

  function route() {
    const match = /^#\/issues\/(\d+)$/.exec(location.hash);
    return match ? { name: 'issue', id: Number(match[1]) } : { name: 'issues' };
  }

  function emptyState() {
    return h(
      'section',
      { class: 'empty' },
      h('h2', null, 'No reports yet'),
      h(
        'p',
        null,
        'Point an SDK at this gateway with the configure(…) line the gateway printed at start-up. ' +
          'Reports show up here as they arrive.',
      ),
    );
  }

  function issueRow(issue) {
    return h(
      'li',
      { class: 'issue', 'data-issue-id': issue.id },
      h(
        'a',
        { href: `#/issues/${issue.id}` },
        h(
          'div',
          { class: 'summary' },
          h(
            'div',
            { class: 'title' },
            h('span', { class: 'type' }, issue.exceptionType),
            h('span', { class: 'message' }, issue.message),
          ),
          h(
            'div',
            { class: 'meta' },
            h('span', { class: 'culprit' }, issue.culprit || 'no stack frames'),
            h('span', { class: 'endpoint' }, issue.endpoint),
            h('span', { class: 'repo' }, issue.githubRepo),
          ),
        ),
        h('div', { class: 'count', title: 'occurrences' }, String(issue.count)),
        h(
          'div',
          { class: 'seen' },
          h('span', null, 'last ', timeAgo(issue.lastSeen)),
          h('span', null, 'first ', timeAgo(issue.firstSeen)),
        ),
      ),
    );
  }

  async function renderIssues() {
    const page = await getJson(`/api/v1/issues?limit=${state.issueLimit}`);
    document.title = 'Issues · Sentinel gateway';
    if (page.items.length === 0) return [emptyState()];
    const reports = page.items.reduce((sum, issue) => sum + issue.count, 0);
    const more = page.nextCursor
      ? state.issueLimit < MAX_ISSUES
        ? h('button', { class: 'more', type: 'button', onclick: showMoreIssues }, 'Show more')
        : h('p', { class: 'note' }, `Showing the ${MAX_ISSUES} most recent groups; the API lists the rest.`)
      : null;
    return [
      h(
        'div',
        { class: 'heading' },
        h('h1', null, 'Issues'),
        h('span', { class: 'note' }, `${page.items.length} groups · ${reports} reports, most recent first`),
      ),
      h('ol', { class: 'issues' }, page.items.map(issueRow)),
      more,
    ];
  }

  function showMoreIssues() {
    state.issueLimit = Math.min(state.issueLimit + ISSUE_PAGE, MAX_ISSUES);
    void refresh();
  }

  // The gateway links only frames in the repository, to GitHub; the page checks the resolved
  // address again, so nothing else can become a link whatever the data says.
  function sourceAnchor(link) {
    if (typeof link?.href !== 'string' || typeof link.text !== 'string') return undefined;
    const anchor = h('a', { href: link.href, target: '_blank', rel: 'noopener noreferrer' }, link.text);
    return anchor.href.startsWith(GITHUB) ? anchor : undefined;
  }

  function stackLine(line) {
    const anchor = sourceAnchor(line.link);
    const at = anchor ? line.text.lastIndexOf(line.link.text) : -1;
    const content =
      at < 0 ? [line.text || ' '] : [line.text.slice(0, at), anchor, line.text.slice(at + line.link.text.length)];
    return h('span', { class: line.inApp ? 'line in-app' : 'line' }, content);
  }

  function stackView(exception) {
    if (!exception) return h('p', { class: 'note' }, 'Select an occurrence to see its stack trace.');
    const lines = exception.stackLines.map(stackLine);
    return h(
      'section',
      { class: 'panel' },
      h(
        'div',
        { class: 'panel-head' },
        h('h2', null, 'Stack trace'),
        h(
          'span',
          { class: 'note' },
          'occurrence ',
          h('code', null, exception.id),
          ` · ${exception.timestamp} · ${exception.language}`,
        ),
      ),
      h(
        'p',
        { class: 'legend' },
        h('span', { class: 'swatch' }),
        'your code (frames outside node_modules and the runtime); files of the repository link to GitHub',
      ),
      h('pre', { class: 'stack' }, lines),
    );
  }

  function occurrenceTable(issueId, occurrences, selectedId) {
    const rows = occurrences.items.map((occurrence) =>
      h(
        'tr',
        {
          class: occurrence.id === selectedId ? 'selected' : null,
          tabindex: 0,
          onclick: () => selectOccurrence(issueId, occurrence.id),
          onkeydown: (event) => event.key === 'Enter' && selectOccurrence(issueId, occurrence.id),
        },
        h('td', null, timeAgo(occurrence.timestamp)),
        h('td', { class: 'message' }, occurrence.errorMessage),
        h('td', null, h('code', null, occurrence.endpoint)),
        // Ids are time-ordered: their start is shared by reports of the same moment, their end is not.
        h('td', null, h('code', { title: occurrence.id }, `…${occurrence.id.slice(-8)}`)),
      ),
    );
    return h(
      'section',
      { class: 'panel' },
      h(
        'div',
        { class: 'panel-head' },
        h('h2', null, 'Occurrences'),
        h('span', { class: 'note' }, occurrences.nextCursor ? `latest ${OCCURRENCES}` : `${occurrences.items.length}`),
      ),
      h(
        'table',
        { class: 'occurrences' },
        h('thead', null, h('tr', null, ['captured', 'message', 'endpoint', 'id'].map((title) => h('th', null, title)))),
        h('tbody', null, rows),
      ),
    );
  }

  function selectOccurrence(issueId, exceptionId) {
    state.selected.set(issueId, exceptionId);
    void refresh();
  }

  async function renderIssue(id) {
    const [issue, occurrences] = await Promise.all([
      getJson(`/api/v1/issues/${id}`),
      getJson(`/api/v1/exceptions?issue=${id}&limit=${OCCURRENCES}`),
    ]);
    const back = h('a', { class: 'back', href: '#/' }, '← All issues');
    if (!issue) return [back, h('p', { class: 'note' }, `There is no issue #${id}.`)];
    document.title = `${issue.exceptionType} · Sentinel gateway`;
    const wanted = state.selected.get(id);
    const selectedId = occurrences.items.some((item) => item.id === wanted) ? wanted : occurrences.items[0]?.id;
    const exception = selectedId ? await getJson(`/api/v1/exceptions/${encodeURIComponent(selectedId)}`) : undefined;
    const fact = (label, value, wide) =>
      h('div', { class: wide ? 'wide' : null }, h('dt', null, label), h('dd', null, value));
    return [
      back,
      h(
        'div',
        { class: 'issue-head' },
        h('h1', null, h('span', { class: 'type' }, issue.exceptionType)),
        h('p', { class: 'message' }, issue.message),
      ),
      h(
        'dl',
        { class: 'facts' },
        fact('occurrences', String(issue.count)),
        fact('last seen', timeAgo(issue.lastSeen)),
        fact('first seen', timeAgo(issue.firstSeen)),
        fact('repository', issue.githubRepo),
        fact('endpoint', h('code', null, issue.endpoint)),
        fact('throw site', h('code', null, issue.culprit || '—'), true),
      ),
      stackView(exception),
      occurrenceTable(id, occurrences, selectedId),
    ];
  }

  // One render at a time; a change arriving meanwhile triggers exactly one more.
  async function refresh() {
    if (state.rendering) {
      state.again = true;
      return;
    }
    state.rendering = true;
    try {
      const current = route();
      const content = current.name === 'issue' ? await renderIssue(current.id) : await renderIssues();
      view.replaceChildren(...content.filter(Boolean));
    } catch (error) {
      view.replaceChildren(h('p', { class: 'error' }, `Could not load data from the gateway: ${error.message}`));
    } finally {
      state.rendering = false;
      if (state.again) {
        state.again = false;
        void refresh();
      }
    }
  }

  function connect() {
    const events = new EventSource('/api/v1/events');
    const show = (status, text) => {
      live.dataset.state = status;
      live.textContent = text;
    };
    events.addEventListener('ready', () => {
      show('live', 'live');
      void refresh();
    });
    events.addEventListener('change', () => void refresh());
    events.addEventListener('error', () => show('connecting', 'reconnecting…'));
  }

  setInterval(() => {
    for (const el of document.querySelectorAll('time[data-relative]')) {
      el.textContent = ago(el.getAttribute('datetime'));
    }
  }, 15000);
  window.addEventListener('hashchange', () => {
    window.scrollTo(0, 0);
    void refresh();
  });
  void refresh();
  connect();
})();
