/**
 * The topology page, one self-contained HTML document (no build step, no external asset): it opens
 * a WebSocket to the server that served it, draws `topology` as SVG (routers; switches as subnets with
 * a used/available bar; pods with IP and node), redraws on `rowEvents`, shows a pod's details on
 * click, traces between the last two pods picked, and explains a dropped capture. Every text goes
 * in through `textContent` (never markup), so names from the database cannot inject.
 */

const STYLE = `
:root { font: 13px system-ui, sans-serif; color: #1d2433; background: #f6f7f9; }
body { margin: 0; display: grid; grid-template-columns: 1fr 360px; grid-template-rows: auto 1fr; height: 100vh; }
header { grid-column: 1 / 3; padding: 8px 14px; background: #1d2433; color: #fff; display: flex; gap: 16px; align-items: center; }
header b { font-size: 15px; }
#status { margin-left: auto; font-size: 12px; }
#status.live { color: #7ee2a8; } #status.down { color: #ff9b9b; }
main { overflow: auto; padding: 10px; }
aside { border-left: 1px solid #d5d9e0; background: #fff; overflow: auto; padding: 10px 12px; }
aside h2 { font-size: 13px; margin: 14px 0 6px; text-transform: uppercase; letter-spacing: .04em; color: #5a6478; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 3px 10px; margin: 0; }
dt { color: #5a6478; } dd { margin: 0; font-family: ui-monospace, monospace; word-break: break-all; }
button { font: inherit; padding: 4px 10px; }
#drop { border: 2px dashed #b7bfcc; border-radius: 6px; padding: 14px; text-align: center; color: #5a6478; }
#drop.over { border-color: #2f6fde; color: #2f6fde; }
#frames li, #path li { font-family: ui-monospace, monospace; font-size: 11px; margin-bottom: 4px; }
.err { color: #b3261e; }
svg text { font-size: 12px; fill: #1d2433; }
.router rect { fill: #fdf0d5; stroke: #c98a00; }
.switch rect.box { fill: #e4eefc; stroke: #2f6fde; }
.switch.onpath rect.box, .router.onpath rect { stroke: #d1342f; stroke-width: 3; }
.bar-bg { fill: #cfd6e2; } .bar-used { fill: #2f6fde; }
.node rect { fill: #eef7ee; stroke: #4f8a4f; }
.pod { cursor: pointer; } .pod rect { fill: #fff; stroke: #8c96a8; }
.pod.selected rect { stroke: #d1342f; stroke-width: 2.5; fill: #fff4f3; }
.pod.picked rect { stroke-dasharray: 4 2; }
line.link { stroke: #8c96a8; stroke-width: 1.5; pointer-events: none; }
.muted { fill: #5a6478; font-size: 11px; }
`;

const SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
const NS = 'http://www.w3.org/2000/svg';
let ws, nextId = 1, topo = null, selected = null, picked = [], pathSet = new Set(), refreshTimer = null;
const pending = new Map();

function el(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
function html(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }

function call(method, params) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify({ jsonrpc: '2.0', id, method, params: params || {} }));
  });
}

function connect() {
  ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/');
  ws.onopen = async () => {
    setStatus('live', true);
    try {
      const info = await call('info');
      document.body.dataset.southbound = String(info.southbound);
      await call('subscribe', { tables: ['Logical_Switch', 'Logical_Switch_Port', 'Logical_Router', 'Logical_Router_Port'] });
      // tunnel keys and chassis arrive in SB after ovn-northd (and ovn-controller) have run
      if (info.southbound) await call('subscribe', { database: 'sb', tables: ['Port_Binding', 'Datapath_Binding', 'Chassis'] });
      await refresh();
    } catch (e) { showError(e); }
  };
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.method === 'rowEvents') { scheduleRefresh(); return; }
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(Object.assign(new Error(msg.error.message), { rpc: msg.error })); else p.resolve(msg.result);
  };
  ws.onclose = (ev) => {
    setStatus('disconnected (' + ev.code + (ev.reason ? ' ' + ev.reason : '') + '), retrying', false);
    for (const p of pending.values()) p.reject(new Error('connection closed'));
    pending.clear();
    setTimeout(connect, 2000);
  };
}
function setStatus(text, live) { const s = $('status'); s.textContent = text; s.className = live ? 'live' : 'down'; }
function showError(e) { const x = $('error'); x.textContent = e && e.message ? e.message : String(e); }
function scheduleRefresh() { if (!refreshTimer) refreshTimer = setTimeout(() => { refreshTimer = null; refresh().catch(showError); }, 100); }

async function refresh() {
  topo = await call('topology');
  draw();
  document.body.dataset.revision = String((Number(document.body.dataset.revision) || 0) + 1);
}

function podKey(p) { return p.namespace + '/' + p.name; }

function draw() {
  const svg = $('topo');
  svg.replaceChildren();
  const COL = 230, SW_Y = 110, POD_Y = 210, POD_H = 48;
  const cols = topo.switches.map((s, i) => ({ s, x: 14 + i * COL, pods: topo.pods.filter((p) => p.switch === s.name), nodes: topo.nodes.filter((n) => n.switch === s.name) }));
  const colOf = new Map(cols.map((c) => [c.s.name, c]));
  const maxPods = Math.max(1, ...cols.map((c) => c.pods.length + c.nodes.length));
  svg.setAttribute('width', String(Math.max(600, 28 + cols.length * COL)));
  svg.setAttribute('height', String(POD_Y + maxPods * (POD_H + 8) + 30));
  // routers: centred over the switches they serve
  topo.routers.forEach((r, i) => {
    const xs = r.ports.map((p) => colOf.get(p.switch)).filter(Boolean).map((c) => c.x);
    const cx = xs.length ? (Math.min(...xs) + Math.max(...xs)) / 2 + 100 : 114 + i * COL;
    for (const x of xs) svg.append(el('line', { class: 'link', x1: cx, y1: 56, x2: x + 100, y2: SW_Y }));
    const g = el('g', { class: 'router' + (pathSet.has(r.name) ? ' onpath' : ''), 'data-name': r.name });
    g.append(el('rect', { x: cx - 90, y: 14, width: 180, height: 42, rx: 6 }));
    g.append(el('text', { x: cx - 80, y: 32 }, 'router ' + r.name));
    g.append(el('text', { x: cx - 80, y: 48, class: 'muted' }, r.ports.length + ' ports' + (r.tunnelKey !== undefined ? ' · key ' + r.tunnelKey : '')));
    svg.append(g);
  });
  for (const c of cols) {
    const s = c.s;
    const g = el('g', { class: 'switch' + (pathSet.has(s.name) ? ' onpath' : ''), 'data-name': s.name, 'data-cidr': s.cidr || '' });
    g.append(el('rect', { class: 'box', x: c.x, y: SW_Y, width: 200, height: 78, rx: 6 }));
    g.append(el('text', { x: c.x + 10, y: SW_Y + 18 }, s.name));
    g.append(el('text', { x: c.x + 10, y: SW_Y + 34, class: 'muted cidr' }, s.cidr || '(no cidr)'));
    const used = s.used || 0, avail = s.available || 0, total = used + avail;
    g.append(el('rect', { class: 'bar-bg', x: c.x + 10, y: SW_Y + 44, width: 180, height: 8, rx: 3 }));
    g.append(el('rect', { class: 'bar-used', x: c.x + 10, y: SW_Y + 44, width: total ? Math.max(2, (180 * used) / total) : 0, height: 8, rx: 3 }));
    g.append(el('text', { x: c.x + 10, y: SW_Y + 68, class: 'muted usage' }, s.used === undefined ? 'usage unknown' : used + ' used / ' + avail + ' available'));
    svg.append(g);
    // one trunk from the switch down to its last pod, under the pods
    const n = c.pods.length + c.nodes.length;
    if (n) svg.append(el('line', { class: 'link', x1: c.x + 100, y1: SW_Y + 78, x2: c.x + 100, y2: POD_Y + (n - 1) * (POD_H + 8) }));
    c.nodes.forEach((nd, j) => {
      const y = POD_Y + (c.pods.length + j) * (POD_H + 8);
      const ng = el('g', { class: 'node', 'data-name': nd.name, 'data-ip': nd.ip });
      ng.append(el('rect', { x: c.x, y, width: 200, height: POD_H, rx: 5 }));
      ng.append(el('text', { x: c.x + 8, y: y + 18 }, 'node ' + nd.name));
      ng.append(el('text', { x: c.x + 8, y: y + 36, class: 'muted' }, nd.ip + ' · ' + nd.mac));
      svg.append(ng);
    });
    c.pods.forEach((p, j) => {
      const y = POD_Y + j * (POD_H + 8);
      const k = podKey(p);
      const cls = 'pod' + (selected === k ? ' selected' : '') + (picked.includes(k) ? ' picked' : '');
      const pg = el('g', { class: cls, 'data-name': k, 'data-ip': p.ip, 'data-node': p.node });
      pg.append(el('rect', { x: c.x, y, width: 200, height: POD_H, rx: 5 }));
      pg.append(el('text', { x: c.x + 8, y: y + 18 }, p.name));
      pg.append(el('text', { x: c.x + 8, y: y + 36, class: 'muted' }, p.ip + ' · ' + p.node));
      pg.addEventListener('click', () => pick(k));
      svg.append(pg);
    });
  }
  if (selected) showDetails(selected);
}

function pick(k) {
  selected = k;
  picked = [...picked.filter((x) => x !== k), k].slice(-2);
  $('trace-btn').disabled = picked.length < 2;
  $('trace-pair').textContent = picked.length < 2 ? 'pick a second pod' : picked[0] + ' → ' + picked[1];
  draw();
}

function showDetails(k) {
  const p = topo.pods.find((x) => podKey(x) === k);
  const dl = $('details');
  dl.replaceChildren();
  if (!p) { dl.append(html('dd', 'pod ' + k + ' is gone')); return; }
  const port = topo.switches.flatMap((s) => s.ports).find((x) => x.name === p.port);
  const rows = [['pod', k], ['port', p.port], ['switch', p.switch], ['MAC', p.mac], ['addresses', (port ? port.addresses.join(' | ') : p.mac + ' ' + p.ip)],
    ['IP', p.ip], ['node', p.node], ['tunnel key', p.tunnelKey === undefined ? '(no Southbound)' : String(p.tunnelKey)], ['chassis', p.chassis || '—']];
  for (const [a, b] of rows) { dl.append(html('dt', a)); const d = html('dd', b); d.dataset.field = a; dl.append(d); }
}

async function trace() {
  const [from, to] = picked;
  $('path').replaceChildren(html('li', 'tracing…'));
  try {
    const r = await call('trace', { from, to });
    pathSet = new Set(r.path);
    $('path').replaceChildren(...r.path.map((d) => html('li', d)));
    $('trace-out').textContent = r.output;
    draw();
  } catch (e) { $('path').replaceChildren(html('li', e.message, 'err')); }
}

async function explain(file) {
  const list = $('frames');
  list.replaceChildren(html('li', 'reading ' + file.name + '…'));
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  try {
    const r = await call('explain', { capture: btoa(bin) });
    list.replaceChildren(...(r.frames.length ? r.frames.map((f) => html('li', '#' + f.index + ' ' + (f.datapath || '?') + ': ' + (f.ingress || '?') + ' → ' + (f.egress || '?') + ' — ' + f.what)) : [html('li', 'no GENEVE frames')]));
  } catch (e) { list.replaceChildren(html('li', e.message, 'err')); }
}

window.addEventListener('DOMContentLoaded', () => {
  $('trace-btn').addEventListener('click', () => trace());
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); const f = e.dataTransfer.files[0]; if (f) explain(f); });
  $('file').addEventListener('change', (e) => { const f = e.target.files[0]; if (f) explain(f); });
  connect();
});
`;

/** The page `GET /` serves: HTML, CSS and script in one string (CSP: inline only, connect to self). */
export const GATEWAY_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ovn-sdk gateway</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${STYLE}</style></head>
<body>
<header><b>ovn-sdk</b><span>logical topology</span><span id="status">connecting…</span></header>
<main><svg id="topo" xmlns="http://www.w3.org/2000/svg" width="600" height="300" role="img" aria-label="logical topology"></svg>
<p id="error" class="err"></p></main>
<aside>
<h2>Pod</h2><dl id="details"><dd>click a pod</dd></dl>
<h2>Trace</h2><p id="trace-pair">pick two pods</p><button id="trace-btn" disabled>trace</button>
<ol id="path"></ol><details><summary>ovn-trace output</summary><pre id="trace-out" style="font-size:10px;white-space:pre-wrap"></pre></details>
<h2>GENEVE capture</h2><div id="drop">drop a pcap here<br><input id="file" type="file" accept=".pcap,.pcapng"></div>
<ol id="frames"></ol>
</aside>
<script>${SCRIPT}</script>
</body></html>
`;
