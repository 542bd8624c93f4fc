// The dashboard: asks /dashboard/state once a second and draws it. A failed request is
// shown, never fatal: the next second asks again (whichever instance answers).
(() => {
  'use strict';
  const WINDOW = 300; // seconds of history in the chart: 5 minutes
  const $ = (id) => document.getElementById(id);
  const series = { t: [], rps: [], errors: [], p99: [] };
  let chart = null;

  function text(id, value, bad) {
    const el = $(id);
    el.textContent = (value === null || value === undefined) ? 'unknown' : String(value);
    el.classList.toggle('bad', Boolean(bad));
  }

  function list(id, items) {
    const ul = $(id);
    ul.replaceChildren(...items.map(([label, state, cls]) => {
      const li = document.createElement('li');
      li.textContent = label + ': ';
      const span = document.createElement('span');
      span.className = cls;
      span.textContent = state;
      li.appendChild(span);
      return li;
    }));
  }

  function stateClass(state) {
    if (/^UP|^primary|^standby/.test(state)) return 'up';
    if (/DOWN|unreachable|down/.test(state)) return 'down';
    return 'other';
  }

  function draw(s) {
    if (typeof s.at !== 'number') {
      // the monitor has only just started: nothing measured yet
      $('updated').textContent = 'waiting for the monitor\'s first sample';
      return;
    }
    const lb = s.loadBalancer || {};
    text('rps', lb.requestsPerSecond);
    text('errors', lb.errorsPerSecond, lb.errorsPerSecond > 0);
    text('p99', lb.p99Ms === null || lb.p99Ms === undefined ? '–' : lb.p99Ms + ' ms');
    text('queue', s.queue ? s.queue.depth : null);
    text('dlq', s.queue ? s.queue.deadLetters : null, s.queue && s.queue.deadLetters > 0);
    text('outbox', s.outboxBacklog === null ? 'database: unreachable' : s.outboxBacklog, s.outboxBacklog === null);
    text('workers', s.workers ? s.workers.count : null, s.workers && s.workers.count === 0);
    text('receipts', s.workers ? Math.round(s.workers.receiptsPerSecond) : null);
    const zoned = (name, zone) => zone ? name + ' (zone ' + zone + ')' : name;
    list('servers', (lb.servers || []).map((x) => [zoned(x.name, x.zone), x.status, stateClass(x.status)]));
    list('answered', Object.entries(lb.answeredBy || {}).map(([name, n]) => [name, n + ' requests', 'up']));
    const nodes = s.database || [];
    const anyPrimary = nodes.some((n) => n.role === 'primary');
    list('database', nodes.map((n) => [zoned(n.node, n.zone), n.role, stateClass(n.role)])
      .concat(anyPrimary ? [] : [['database', 'unreachable', 'down']]));
    const fault = $('fault');
    if (s.fault) {
      fault.textContent = 'fault: ' + s.fault.name + ' (' + Math.round((s.at - s.fault.since) / 1000) + ' s)';
      fault.className = 'fault active';
    } else {
      fault.textContent = 'no fault';
      fault.className = 'fault none';
    }
    $('updated').textContent = new Date(s.at).toLocaleTimeString();
    plot(s.at / 1000, lb.requestsPerSecond, lb.errorsPerSecond, lb.p99Ms);
  }

  function plot(t, rps, errors, p99) {
    series.t.push(t); series.rps.push(rps); series.errors.push(errors); series.p99.push(p99);
    while (series.t.length && series.t[0] < t - WINDOW) {
      series.t.shift(); series.rps.shift(); series.errors.shift(); series.p99.shift();
    }
    // copies: uPlot keeps what it is given and redraws only for new arrays
    const data = [series.t.slice(), series.rps.slice(), series.errors.slice(), series.p99.slice()];
    if (!chart) {
      chart = new uPlot({
        width: Math.max(600, $('chart').clientWidth - 10), height: 260,
        series: [{}, { label: 'requests/s', stroke: '#1a73e8' }, { label: 'errors/s', stroke: '#b3261e' },
          { label: 'p99 ms', stroke: '#a15c00', scale: 'ms' }],
        axes: [{}, { label: 'per second' }, { side: 1, scale: 'ms', label: 'ms', grid: { show: false } }],
      }, data, $('chart'));
    } else {
      chart.setData(data);
    }
  }

  async function refresh() {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), 900);
    try {
      const response = await fetch('/dashboard/state', { cache: 'no-store', signal: abort.signal });
      $('served-by').textContent = response.headers.get('X-Served-By') || '?';
      if (!response.ok) throw new Error('state: HTTP ' + response.status);
      draw(await response.json());
    } catch (e) {
      $('updated').textContent = 'no answer (' + e.message + '), retrying';
    } finally {
      clearTimeout(timer);
    }
  }

  async function products() {
    try {
      const response = await fetch('/api/products');
      const body = await response.json();
      const items = Array.isArray(body) ? body : (body.items || body.content || []);
      $('order-sku').replaceChildren(...items.map((p) => {
        const option = document.createElement('option');
        option.value = p.sku;
        option.textContent = p.name + ' (' + p.sku + ')';
        return option;
      }));
    } catch (e) {
      $('order-result').textContent = 'catalogue unavailable: ' + e.message;
    }
  }

  $('order-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      customerEmail: $('order-email').value,
      lines: [{ sku: $('order-sku').value, quantity: Number($('order-quantity').value) }],
    };
    try {
      const response = await fetch('/api/orders', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify(body),
      });
      const answer = await response.text();
      $('order-result').textContent = response.status + ' from ' + (response.headers.get('X-Served-By') || '?')
        + '\n' + answer;
    } catch (e) {
      $('order-result').textContent = 'no answer: ' + e.message;
    }
  });

  products();
  refresh();
  setInterval(refresh, 1000);
})();
