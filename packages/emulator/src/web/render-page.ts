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

/** Renders the emulator's status page: registrations, webhooks and recent deliveries with their validation reports. */
export function renderPage(model: PageModel): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Fluid emulator</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#222}
table{border-collapse:collapse;margin-bottom:2rem;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f4f4}.ok{color:#1a7f37}.bad{color:#cf222e}code{font-size:12px}
</style>
</head>
<body>
<h1>Fluid emulator</h1>
<p>API at <code>${e(model.baseUrl)}</code> for ${e(model.companyName)}; ${model.definitionCount} callback definitions loaded.</p>
<h2>Callback registrations (${model.registrations.length})</h2>
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
<h2>Webhooks (${model.webhooks.length})</h2>
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
<h2>Last deliveries (${model.deliveries.length})</h2>
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
)}
</body>
</html>
`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p><em>None yet.</em></p>';
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
