import type { DeliveryLogEntry } from '../delivery/types.js';
import type { RegistrationRecord, WebhookRecord } from '../state/types.js';
import { escapeHtml as e } from './escape-html.js';

/** What the page shows. Secrets (tokens, `auth_token`, `verification_token`) are deliberately not part of it. */
export interface PageModel {
  readonly baseUrl: string;
  readonly companyName: string;
  readonly definitionCount: number;
  readonly registrations: readonly RegistrationRecord[];
  readonly webhooks: readonly WebhookRecord[];
  readonly deliveries: readonly DeliveryLogEntry[];
}

/**
 * Renders the emulator's page: forms to install the droplet, trigger webhooks and callbacks and fuzz (driven by
 * `/_emulator/page.js` through the control API), and the registrations, webhooks and deliveries, which the script
 * keeps current from the event stream. Without scripts it is still a readable status page.
 */
export function renderPage(model: PageModel): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fluid emulator</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#222;max-width:80rem}
table{border-collapse:collapse;margin-bottom:1rem;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.ok{color:#1a7f37}.bad{color:#cf222e}.muted{color:#777}code,pre{font-size:12px}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;max-height:20rem}
.panels{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
fieldset{border:1px solid #ccc;padding:.5rem 1rem}label{display:block;margin:.3rem 0}
input,select,textarea{font:inherit;width:100%;box-sizing:border-box}textarea{font:12px monospace;height:10rem}
details.delivery{border-left:4px solid #1a7f37;padding:.2rem .6rem;margin:.4rem 0}details.delivery.failed{border-color:#cf222e}
#status{min-height:1.4em;font-weight:600}
</style>
<script src="/_emulator/page.js" defer></script>
</head>
<body>
<h1>Fluid emulator <small id="live" class="muted">static</small></h1>
<p>API at <code>${e(model.baseUrl)}</code> for ${e(model.companyName)}; ${model.definitionCount} callback definitions loaded.</p>
<p id="status" role="status"></p>
<div class="panels">
<fieldset><legend>Install the droplet</legend>
<label>Install webhook URL <input id="install-url" type="url" placeholder="http://127.0.0.1:3000/webhooks"></label>
<label>Version <select id="install-version"><option value="v2">v2 (exchange token)</option><option value="v1">v1 (credentials inline)</option></select></label>
<label>Shop (optional) <input id="install-shop" placeholder="emulated"></label>
<button id="install-button" type="button">Install</button>
<pre id="install-result" hidden></pre>
</fieldset>
<fieldset><legend>Trigger a webhook</legend>
<label>Event <select id="webhook-event"></select></label>
<label>Shop (optional) <input id="webhook-shop"></label>
<label>Payload fields (JSON, merged into the envelope payload; droplet events carry the installation's company block) <textarea id="webhook-payload">{}</textarea></label>
<button id="webhook-button" type="button">Send</button>
</fieldset>
<fieldset><legend>Trigger a callback</legend>
<label>Callback <select id="callback-name"></select></label>
<label>Shop (optional) <input id="callback-shop"></label>
<label>Request (sampled from request_schema; edit freely) <textarea id="callback-request"></textarea></label>
<button id="callback-sample" type="button">New sample</button> <button id="callback-button" type="button">Call</button>
</fieldset>
<fieldset><legend>Fuzz a callback</legend>
<label>Callback <select id="fuzz-name"></select></label>
<label>Requests <input id="fuzz-count" type="number" min="1" max="1000" value="20"></label>
<label>Shop (optional) <input id="fuzz-shop"></label>
<button id="fuzz-button" type="button">Fuzz</button>
<div id="fuzz-result"></div>
</fieldset>
</div>
<h2>Installations</h2>
<div id="installations"><p class="muted">Loading…</p></div>
<h2>Callback registrations</h2>
<div id="registrations">
${table(
  ['uuid', 'definition', 'url', 'active', 'timeout', 'countries', 'owner'],
  model.registrations.map((r) => [
    code(r.uuid),
    e(r.definition_name),
    code(r.url),
    flag(r.active),
    `${r.timeout_in_seconds}s`,
    e(r.country_codes.join(', ') || 'all'),
    e(`${r.owner_type} ${r.owner_id}`),
  ]),
)}
</div>
<h2>Webhooks</h2>
<div id="webhooks">
${table(
  ['id', 'event', 'url', 'method', 'active', 'owner'],
  model.webhooks.map((w) => [
    String(w.id),
    e(w.event_identifier),
    code(w.url),
    e(w.http_method.toUpperCase()),
    flag(w.active),
    e(w.droplet_installation_uuid ?? 'company'),
  ]),
)}
</div>
<h2>Deliveries</h2>
<p id="no-deliveries" class="muted"${model.deliveries.length === 0 ? '' : ' hidden'}>None yet.</p>
<div id="deliveries">
${table(
  ['at', 'kind', 'name', 'url', 'status', 'latency', 'result'],
  model.deliveries.map((d) => [
    e(d.at),
    e(d.kind),
    e(d.name),
    code(d.url),
    e(d.status ?? d.error ?? '-'),
    `${d.latencyMs} ms`,
    result(d),
  ]),
  '',
)}
</div>
</body>
</html>
`;
}

function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  empty = '<p><em>None yet.</em></p>',
): string {
  if (rows.length === 0) return empty;
  const head = headers.map((header) => `<th>${e(header)}</th>`).join('');
  const body = rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function code(text: string): string {
  return `<code>${e(text)}</code>`;
}

function flag(value: boolean): string {
  return value ? '<span class="ok">yes</span>' : '<span class="bad">no</span>';
}

function result(delivery: DeliveryLogEntry): string {
  if (delivery.ok) return '<span class="ok">ok</span>';
  const issues = delivery.issues
    .map((issue) => `<li>${code(issue.pointer || '/')} ${e(issue.message)}</li>`)
    .join('');
  const reason = delivery.error === undefined ? 'failed' : e(delivery.error);
  return `<span class="bad">${reason}</span>${issues === '' ? '' : `<ul>${issues}</ul>`}`;
}
