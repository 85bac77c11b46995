/** The on-call board page: plain HTML, CSS and script, no build step and no external assets. */
export const BOARD_HTML = `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Salur SLA — on-call board</title>
<style>
  :root { --bg:#0f172a; --panel:#111c33; --text:#e2e8f0; --muted:#94a3b8; --red:#ef4444; --amber:#f59e0b; --green:#22c55e; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--text); }
  header { display:flex; flex-wrap:wrap; gap:12px; align-items:center; justify-content:space-between; padding:12px 16px; background:var(--panel); position:sticky; top:0; z-index:1; }
  h1 { font-size:18px; margin:0; }
  h2 { font-size:15px; margin:16px 0 8px; }
  .pill { padding:2px 10px; border-radius:999px; font-weight:600; }
  .live { background:var(--green); color:#052e16; } .offline { background:#475569; }
  .totals { display:flex; gap:12px; }
  .total b { font-size:20px; } .total.breach b { color:var(--red); } .total.risk b { color:var(--amber); }
  main { padding:0 16px 24px; max-width:1200px; margin:0 auto; }
  table { width:100%; border-collapse:collapse; background:var(--panel); border-radius:8px; overflow:hidden; }
  th, td { text-align:left; padding:8px 10px; border-bottom:1px solid #1e293b; }
  th { color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase; }
  tr.breach td.when { color:var(--red); font-weight:700; } tr.risk td.when { color:var(--amber); font-weight:700; }
  tr.fresh { animation: flash 2s ease-out; }
  @keyframes flash { from { background:#7f1d1d; } to { background:transparent; } }
  .provinces { display:flex; flex-wrap:wrap; gap:8px; }
  .province { background:var(--panel); padding:6px 10px; border-radius:6px; }
  .muted { color:var(--muted); }
  #log { font-family:ui-monospace, monospace; font-size:12px; color:var(--muted); max-height:120px; overflow:auto; }
  form[hidden] { display:none; }
  form { display:flex; gap:8px; margin:16px 0; flex-wrap:wrap; }
  input { flex:1; min-width:200px; padding:8px; border-radius:6px; border:1px solid #334155; background:#0b1222; color:var(--text); }
  button { padding:8px 14px; border-radius:6px; border:0; background:#2563eb; color:white; font-weight:600; }
  @media (max-width: 640px) {
    thead { display:none; }
    table, tbody, tr, td { display:block; width:100%; }
    tr { border-bottom:2px solid #1e293b; padding:6px 0; }
    td { border:0; padding:2px 10px; }
    td::before { content: attr(data-label) ": "; color:var(--muted); }
  }
</style>
</head>
<body>
<header>
  <h1>SLA on-call board</h1>
  <div class="totals">
    <span class="total breach">breached <b id="breach-count">–</b></span>
    <span class="total risk">at risk <b id="risk-count">–</b></span>
  </div>
  <span id="status" class="pill offline">offline</span>
</header>
<main>
  <form id="login" hidden>
    <input id="token" type="password" placeholder="Bearer token (oncall role)" autocomplete="off">
    <button type="submit">Open board</button>
  </form>
  <h2>Per province</h2>
  <div id="provinces" class="provinces"><span class="muted">–</span></div>
  <h2>Breached — worst first</h2>
  <table id="breaches"><thead><tr><th>Complaint</th><th>Agency</th><th>Region</th><th>Stage</th><th>Overdue</th></tr></thead><tbody></tbody></table>
  <h2>At risk — nearest deadline first</h2>
  <table id="at-risk"><thead><tr><th>Complaint</th><th>Agency</th><th>Region</th><th>Stage</th><th>Remaining</th></tr></thead><tbody></tbody></table>
  <h2>Live</h2>
  <div id="log"></div>
</main>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) { sessionStorage.setItem('salur.token', fromHash); history.replaceState(null, '', location.pathname); }
  let token = sessionStorage.getItem('salur.token');
  const seen = new Set();
  let first = true;

  function duration(ms) {
    const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
    const d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    return (d ? d + 'd ' : '') + (d || h ? h + 'h ' : '') + m + 'm' + (d || h ? '' : ' ' + (s % 60) + 's');
  }
  function cell(label, text, cls) {
    const td = document.createElement('td');
    td.dataset.label = label; td.textContent = text; if (cls) td.className = cls;
    return td;
  }
  function render(tableId, items, kind) {
    const body = $(tableId).querySelector('tbody');
    body.replaceChildren(...items.map((item) => {
      const tr = document.createElement('tr');
      tr.className = kind; tr.dataset.clockId = item.clockId; tr.dataset.dueAt = item.dueAt;
      if (!first && !seen.has(kind + item.clockId)) tr.classList.add('fresh');
      seen.add(kind + item.clockId);
      tr.append(
        cell('Complaint', item.complaintId.slice(0, 8)),
        cell('Agency', (item.agency || '—') + (item.agencyLevel ? ' (' + item.agencyLevel + ')' : '')),
        cell('Region', item.regionCode),
        cell('Stage', item.stage),
        cell(kind === 'breach' ? 'Overdue' : 'Remaining', '', 'when'),
      );
      if (kind === 'risk') tr.dataset.remaining = item.remaining;
      return tr;
    }));
    tick();
  }
  function tick() {
    for (const tr of document.querySelectorAll('tr[data-due-at]')) {
      const ms = Date.now() - Date.parse(tr.dataset.dueAt);
      tr.querySelector('.when').textContent = tr.classList.contains('breach')
        ? duration(ms) + ' overdue'
        : (tr.dataset.remaining || '') + ' working time (' + duration(-ms) + ')';
    }
  }
  async function api(path) {
    const res = await fetch(path, { headers: { authorization: 'Bearer ' + token } });
    if (res.status === 401 || res.status === 403) { sessionStorage.removeItem('salur.token'); token = null; showLogin(); throw new Error('unauthorised'); }
    return res.json();
  }
  async function load() {
    const [breaches, risk] = await Promise.all([api('/v1/sla/breaches?limit=200'), api('/v1/sla/at-risk?limit=200')]);
    $('breach-count').textContent = breaches.total;
    $('risk-count').textContent = risk.total;
    render('breaches', breaches.items, 'breach');
    render('at-risk', risk.items, 'risk');
    const provinces = {};
    for (const [code, n] of Object.entries(breaches.byProvince)) provinces[code] = { b: n, r: 0 };
    for (const [code, n] of Object.entries(risk.byProvince)) (provinces[code] ||= { b: 0, r: 0 }).r = n;
    const entries = Object.entries(provinces).sort((a, b) => b[1].b - a[1].b || b[1].r - a[1].r);
    $('provinces').replaceChildren(...(entries.length ? entries.map(([code, c]) => {
      const span = document.createElement('span');
      span.className = 'province'; span.dataset.province = code;
      span.textContent = code + ': ' + c.b + ' breached, ' + c.r + ' at risk';
      return span;
    }) : [Object.assign(document.createElement('span'), { className: 'muted', textContent: 'nothing breached or at risk' })]));
    first = false;
  }
  let pending;
  function reloadSoon() { clearTimeout(pending); pending = setTimeout(() => load().catch(() => {}), 200); }
  function log(line, type, item) {
    const div = document.createElement('div'); div.textContent = new Date().toLocaleTimeString() + '  ' + line;
    div.dataset.event = type; div.dataset.clockId = item.clockId;
    $('log').prepend(div);
  }
  async function stream() {
    while (token) {
      try {
        const res = await fetch('/v1/sla/stream', { headers: { authorization: 'Bearer ' + token, accept: 'text/event-stream' } });
        if (!res.ok || !res.body) throw new Error('stream ' + res.status);
        $('status').textContent = 'live'; $('status').className = 'pill live';
        reloadSoon();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\\n\\n')) >= 0) {
            const block = buffer.slice(0, end); buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block); const data = /^data: (.*)$/m.exec(block);
            if (event && data) {
              const item = JSON.parse(data[1]);
              log(event[1] + ' ' + item.stage + ' ' + (item.agency || '') + ' ' + item.regionCode + ' ' + item.complaintId.slice(0, 8) + (item.late ? ' (late)' : ''), event[1], item);
              reloadSoon();
            }
          }
        }
      } catch (e) { /* reconnect below */ }
      $('status').textContent = 'offline'; $('status').className = 'pill offline';
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  function showLogin() { $('login').hidden = false; }
  $('login').addEventListener('submit', (e) => {
    e.preventDefault(); token = $('token').value.trim(); if (!token) return;
    sessionStorage.setItem('salur.token', token); $('login').hidden = true; load().catch(() => {}); stream();
  });
  setInterval(tick, 1000);
  setInterval(() => { if (token) load().catch(() => {}); }, 60000);
  if (token) { load().catch(() => {}); stream(); } else showLogin();
})();
</script>
</body>
</html>
`;
