// The operations console's page: plain DOM, no library. Credentials live in this page's memory only (no cookie, no
// storage); every request carries them, and every request carries X-Antom-Console, which the server demands on state
// changes (a cross-site page cannot set it).
'use strict';
(function () {
  let authorization = null;
  let current = null; // the payment shown
  let lastQuery = null; // the search shown
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';

  function say(text, error) {
    $('message').textContent = text;
    $('message').className = error ? 'error' : '';
  }

  async function api(method, path, body) {
    const headers = { 'X-Antom-Console': '1', 'Authorization': authorization };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const response = await fetch('api/' + path, {
      method: method, headers: headers, credentials: 'omit', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const json = await response.json().catch(() => ({}));
    if (response.status === 401) {
      showLogin();
    }
    if (!response.ok && response.status !== 409) {
      throw new Error(json.error || ('HTTP ' + response.status));
    }
    json._status = response.status;
    return json;
  }

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function table(target, columns, rows, extra) {
    const t = $(target);
    t.replaceChildren();
    const head = el('tr');
    columns.forEach((c) => head.appendChild(el('th', c[0])));
    if (extra) {
      head.appendChild(el('th', ''));
    }
    t.appendChild(head);
    if (rows.length === 0) {
      const tr = el('tr');
      const td = el('td', 'none');
      td.colSpan = columns.length + (extra ? 1 : 0);
      tr.appendChild(td);
      t.appendChild(tr);
    }
    rows.forEach((row) => {
      const tr = el('tr');
      columns.forEach((c) => {
        const v = typeof c[1] === 'function' ? c[1](row) : row[c[1]];
        const td = el('td');
        if (v instanceof Node) {
          td.appendChild(v);
        } else {
          td.textContent = v === null || v === undefined ? '' : String(v);
        }
        tr.appendChild(td);
      });
      if (extra) {
        const td = el('td');
        td.appendChild(extra(row));
        tr.appendChild(td);
      }
      t.appendChild(tr);
    });
  }

  function paymentLink(p) {
    const a = el('a', p.paymentRequestId, 'payment-link');
    a.href = '#' + encodeURIComponent(p.paymentRequestId);
    a.dataset.id = p.paymentRequestId;
    a.addEventListener('click', (e) => { e.preventDefault(); showPayment(p.paymentRequestId); });
    return a;
  }

  function status(p) {
    return el('span', p.status, 'status-' + p.status);
  }

  const PAYMENT_COLUMNS = [['paymentRequestId', paymentLink], ['order', 'orderId'], ['status', status],
    ['amount', (p) => p.amountMinor + ' ' + p.currency], ['paymentId', 'paymentId'], ['result', 'resultCode'],
    ['created', 'createdAt']];

  function showLogin() {
    authorization = null;
    $('console').hidden = true;
    $('login-section').hidden = false;
    $('operator').textContent = '';
  }

  async function login(event) {
    event.preventDefault();
    const user = $('username').value.trim();
    const secret = $('password').value;
    authorization = user ? 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + secret))) : 'Bearer ' + secret;
    try {
      const me = await api('GET', 'whoami');
      $('password').value = '';
      $('operator').textContent = 'signed in as ' + me.operator;
      $('login-section').hidden = true;
      $('console').hidden = false;
      say('');
      refreshAll();
    } catch (e) {
      authorization = null;
      say('Sign-in refused: ' + e.message, true);
    }
  }

  // after a change: the lists and charts, and the search shown, as they are now
  async function refreshAfterChange() {
    if (lastQuery) {
      try {
        table('search-results', PAYMENT_COLUMNS,
          (await api('GET', 'payments?q=' + encodeURIComponent(lastQuery))).payments);
      } catch (e) {
        say(e.message, true);
      }
    }
    refreshAll();
  }

  function refreshAll() {
    loadOpen();
    loadDeadLetters();
    loadCharts();
  }

  async function search(event) {
    event.preventDefault();
    lastQuery = $('search-input').value.trim();
    try {
      const result = await api('GET', 'payments?q=' + encodeURIComponent(lastQuery));
      table('search-results', PAYMENT_COLUMNS, result.payments);
      say(result.payments.length + ' payment(s) found');
      if (result.payments.length === 1) {
        showPayment(result.payments[0].paymentRequestId);
      }
    } catch (e) {
      say(e.message, true);
    }
  }

  async function showPayment(id) {
    try {
      const r = await api('GET', 'payments/' + encodeURIComponent(id));
      current = r.payment;
      $('payment-section').hidden = false;
      $('payment-title').textContent = current.paymentRequestId;
      const dl = $('payment-detail');
      dl.replaceChildren();
      ['orderId', 'attempt', 'status', 'amountMinor', 'currency', 'paymentId', 'resultCode', 'resultMessage',
        'callCount', 'checkCount', 'createdAt', 'updatedAt', 'expiresAt', 'nextCheckAt', 'resultPublishedAt',
        'operatorNote'].forEach((k) => {
        dl.appendChild(el('dt', k));
        const dd = el('dd', current[k]);
        dd.id = 'payment-' + k;
        dl.appendChild(dd);
      });
      const ol = $('timeline');
      ol.replaceChildren();
      r.timeline.forEach((e) => {
        const li = el('li');
        li.className = 'event event-' + e.kind;
        li.appendChild(el('span', e.at + ' ', 'at'));
        li.appendChild(el('span', e.kind, 'kind kind-' + e.kind));
        li.appendChild(el('span', ' ' + (e.detail || ''), 'detail'));
        ol.appendChild(li);
      });
      table('refunds', [['refund', 'erpRefundId'], ['status', 'status'], ['amount', (x) => x.amountMinor + ' ' + x.currency],
        ['refundId', 'refundId'], ['result', 'resultCode']], r.refunds);
      $('inquire-button').disabled = current.final;
    } catch (e) {
      say(e.message, true);
    }
  }

  async function inquire(id) {
    try {
      const r = await api('POST', 'payments/' + encodeURIComponent(id) + '/inquire', {});
      say(r.checked ? 'Checked ' + id + ': ' + r.summary : id + ' was not checked (final, or being checked)');
      if (current && current.paymentRequestId === id) {
        showPayment(id);
      }
      refreshAfterChange();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function override(event) {
    event.preventDefault();
    const reason = $('override-reason').value.trim();
    if (!current || !reason) {
      say('An override needs a reason', true);
      return;
    }
    try {
      const r = await api('POST', 'payments/' + encodeURIComponent(current.paymentRequestId) + '/override',
        { expected: current.status, target: $('override-target').value, reason: reason });
      say(r.applied ? 'Override applied and recorded' : 'Not applied: the status changed meanwhile', !r.applied);
      $('override-reason').value = '';
      showPayment(current.paymentRequestId);
      refreshAfterChange();
    } catch (e) {
      say(e.message, true);
    }
  }

  async function loadOpen() {
    try {
      const r = await api('GET', 'payments/open');
      table('open-payments', [['paymentRequestId', paymentLink], ['order', 'orderId'], ['status', status],
        ['age (s)', 'ageSeconds'], ['checks', 'checkCount'], ['result', 'resultCode']], r.payments, (p) => {
        const b = el('button', 'Inquire now', 'inquire');
        b.type = 'button';
        b.dataset.id = p.paymentRequestId;
        b.addEventListener('click', () => inquire(p.paymentRequestId));
        return b;
      });
    } catch (e) {
      say(e.message, true);
    }
  }

  async function loadDeadLetters() {
    try {
      const r = await api('GET', 'dead-letters');
      const rows = [];
      Object.keys(r.queues).forEach((q) => r.queues[q].forEach((m) => rows.push(m)));
      table('dead-letters', [['queue', 'queue'], ['received', 'timestamp'], ['reason', 'reason'], ['from', 'origin'],
        ['ids', (m) => Object.keys(m.properties).map((k) => k.replace('CamelAntom', '') + '=' + m.properties[k]).join(' ')],
        ['size', 'bodySize']], rows, (m) => {
        const b = el('button', 'Re-drive', 'redrive');
        b.type = 'button';
        b.dataset.id = m.messageId;
        b.disabled = !m.origin;
        b.addEventListener('click', () => redrive(m));
        return b;
      });
    } catch (e) {
      say(e.message, true);
    }
  }

  async function redrive(m) {
    try {
      const r = await api('POST', 'dead-letters/redrive', { queue: m.queue, messageId: m.messageId });
      say(r.redrivenTo ? 'Re-driven to ' + r.redrivenTo : r.error, !r.redrivenTo);
      refreshAfterChange();
    } catch (e) {
      say(e.message, true);
    }
  }

  function svg(width, height) {
    const s = document.createElementNS(SVG, 'svg');
    s.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    s.setAttribute('width', '100%');
    s.setAttribute('role', 'img');
    return s;
  }

  function svgEl(parent, tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach((k) => e.setAttribute(k, attrs[k]));
    if (text !== undefined) {
      e.textContent = text;
    }
    parent.appendChild(e);
    return e;
  }

  const COLORS = { PAID: '#12b76a', FAILED: '#f04438', CANCELLED: '#f79009' };

  function drawFinal(series) {
    const target = $('chart-final');
    target.replaceChildren();
    const W = 480, H = 180, left = 30, bottom = 20;
    const s = svg(W, H);
    const max = Math.max(1, ...series.map((p) => (p.PAID || 0) + (p.FAILED || 0) + (p.CANCELLED || 0)));
    const now = Date.now();
    const slot = (W - left) / 60;
    svgEl(s, 'line', { x1: left, y1: H - bottom, x2: W, y2: H - bottom, stroke: '#98a2b3' });
    svgEl(s, 'text', { x: 0, y: 12 }, String(max));
    svgEl(s, 'text', { x: 0, y: H - bottom }, '0');
    svgEl(s, 'text', { x: left, y: H - 4 }, '-60 min');
    svgEl(s, 'text', { x: W - 30, y: H - 4 }, 'now');
    series.forEach((p) => {
      const ago = Math.floor((now - Date.parse(p.minute)) / 60000);
      const x = left + (59 - Math.min(59, ago)) * slot;
      let y = H - bottom;
      ['PAID', 'FAILED', 'CANCELLED'].forEach((k) => {
        const h = ((p[k] || 0) / max) * (H - bottom - 16);
        if (h > 0) {
          y -= h;
          const r = svgEl(s, 'rect', { x: x + 1, y: y, width: Math.max(1, slot - 2), height: h, fill: COLORS[k] });
          svgEl(r, 'title', {}, p.minute + ' ' + k + ' ' + p[k]);
        }
      });
    });
    let lx = left + 60;
    Object.keys(COLORS).forEach((k) => {
      svgEl(s, 'rect', { x: lx, y: 4, width: 10, height: 10, fill: COLORS[k] });
      svgEl(s, 'text', { x: lx + 14, y: 13 }, k);
      lx += 80;
    });
    target.appendChild(s);
  }

  function drawLatency(r) {
    const target = $('chart-latency');
    target.replaceChildren();
    if (!r.enabled) {
      target.appendChild(el('p', r.message, 'hint'));
      return;
    }
    if (r.rows.length === 0) {
      target.appendChild(el('p', 'no Antom call recorded yet', 'hint'));
      return;
    }
    const W = 480, rowH = 22, left = 170;
    const s = svg(W, r.rows.length * rowH + 20);
    const max = Math.max(1, ...r.rows.map((x) => x.maxMillis));
    r.rows.forEach((x, i) => {
      const y = 4 + i * rowH;
      svgEl(s, 'text', { x: 0, y: y + 13 }, x.operation + ' ' + x.outcome + ' (' + x.count + ')');
      svgEl(s, 'rect', { x: left, y: y, width: ((W - left - 80) * x.maxMillis) / max, height: 16, fill: '#d0e3ff' });
      svgEl(s, 'rect', { x: left, y: y + 4, width: ((W - left - 80) * x.meanMillis) / max, height: 8, fill: '#1677ff' });
      svgEl(s, 'text', { x: W - 76, y: y + 13 }, x.meanMillis.toFixed(0) + ' / ' + x.maxMillis.toFixed(0) + ' ms');
    });
    svgEl(s, 'text', { x: left, y: r.rows.length * rowH + 16 }, 'mean (dark) and max (light), ms');
    target.appendChild(s);
  }

  async function loadCharts() {
    try {
      drawFinal((await api('GET', 'charts/final-per-minute?minutes=60')).series);
      drawLatency(await api('GET', 'charts/antom-call-latency'));
    } catch (e) {
      say(e.message, true);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', login);
    $('search-form').addEventListener('submit', search);
    $('override-form').addEventListener('submit', override);
    $('inquire-button').addEventListener('click', () => current && inquire(current.paymentRequestId));
    $('open-refresh').addEventListener('click', loadOpen);
    $('dead-letters-refresh').addEventListener('click', loadDeadLetters);
  });
}());
