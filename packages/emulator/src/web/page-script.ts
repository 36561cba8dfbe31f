// The page's browser code. It is written as a TypeScript function so it is type-checked against the DOM like the
// rest of the package, and served as that function's source text (`/_emulator/page.js`). It must stay
// self-contained: no runtime imports (type imports are erased) and no references to anything outside the function.

import type { DeliveryLogEntry } from '../delivery/types.js';

/** The source of `/_emulator/page.js`. */
export function pageScript(): string {
  // Transpilers that keep function names (tsx, esbuild's keepNames) wrap nested functions in a `__name` helper that
  // lives outside this function; the no-op below stands in for it in the browser.
  return `"use strict";\nconst __name = (target) => target;\n(${pageMain.toString()})();\n`;
}

/** The delivery log line, as sent by `/_emulator/state` and the event stream. */
type PageDelivery = DeliveryLogEntry;

interface PageState {
  readonly definitions: readonly { readonly name: string }[];
  readonly events: readonly string[];
  readonly topics: Readonly<Record<string, readonly string[]>>;
  readonly registrations: readonly Record<string, unknown>[];
  readonly webhooks: readonly Record<string, unknown>[];
  readonly installations: readonly Record<string, unknown>[];
  readonly deliveries: readonly PageDelivery[];
}

function pageMain(): void {
  const byId = <T extends HTMLElement>(id: string): T => {
    const element = document.getElementById(id);
    if (element === null) throw new Error(`missing #${id}`);
    return element as T;
  };
  const make = (tag: string, text?: string, className?: string): HTMLElement => {
    const element = document.createElement(tag);
    if (text !== undefined) element.textContent = text;
    if (className !== undefined) element.className = className;
    return element;
  };
  const pretty = (value: unknown): string =>
    value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const status = byId('status');
  const say = (text: string, bad = false): void => {
    status.textContent = text;
    status.className = bad ? 'bad' : 'ok';
  };

  const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      const message = typeof json.error_message === 'string' ? json.error_message : `HTTP ${response.status}`;
      const errors =
        json.errors === null || json.errors === undefined ? '' : ` ${JSON.stringify(json.errors)}`;
      throw new Error(`${message}${errors}`);
    }
    return json;
  };
  const parseJson = (text: string, what: string): unknown => {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`${what} is not valid JSON`);
    }
  };
  const shopOf = (id: string): { shop?: string } => {
    const value = byId<HTMLInputElement>(id).value.trim();
    return value === '' ? {} : { shop: value };
  };
  const run = (button: string, action: () => Promise<void>): void => {
    byId<HTMLButtonElement>(button).addEventListener('click', () => {
      const element = byId<HTMLButtonElement>(button);
      element.disabled = true;
      say('working…');
      action()
        .catch((error: unknown) => say(error instanceof Error ? error.message : String(error), true))
        .finally(() => {
          element.disabled = false;
        });
    });
  };

  // --- deliveries ---
  const deliveries = byId('deliveries');
  // The server rendered the log for readers without scripts; from here on it is drawn from the state and stream.
  deliveries.replaceChildren();
  const shown = new Set<number>();
  const renderDelivery = (delivery: PageDelivery): HTMLElement => {
    const item = make('details', undefined, `delivery ${delivery.ok ? 'passed' : 'failed'}`);
    item.dataset.testid = 'delivery';
    item.dataset.name = delivery.name;
    item.dataset.status = delivery.status === null ? (delivery.error ?? 'none') : String(delivery.status);
    const summary = make('summary');
    summary.append(
      make('span', `#${delivery.id} ${delivery.kind} `),
      make('strong', delivery.name),
      make('span', ` → ${delivery.status ?? delivery.error ?? 'no reply'}`, delivery.ok ? 'ok' : 'bad'),
      make('span', ` ${delivery.latencyMs} ms · ${delivery.shop} · ${delivery.at}`),
    );
    item.append(summary, make('p', delivery.url, 'url'));
    if (delivery.issues.length > 0) {
      const list = make('ul', undefined, 'issues');
      for (const issue of delivery.issues) {
        const line = make('li');
        line.append(
          make('code', issue.pointer === '' ? '/' : issue.pointer),
          make('span', ` ${issue.message}`),
        );
        list.append(line);
      }
      item.append(make('h4', 'Validation issues'), list);
    }
    item.append(
      make('h4', 'Request'),
      make('pre', pretty(delivery.request)),
      make('h4', 'Reply'),
      make('pre', pretty(delivery.reply)),
    );
    return item;
  };
  const addDelivery = (delivery: PageDelivery, newest: boolean): void => {
    if (shown.has(delivery.id)) return;
    shown.add(delivery.id);
    byId('no-deliveries').hidden = true;
    const element = renderDelivery(delivery);
    if (newest) deliveries.prepend(element);
    else deliveries.append(element);
  };

  // --- state tables ---
  const table = (id: string, rows: readonly Record<string, unknown>[], columns: readonly string[]): void => {
    const container = byId(id);
    container.replaceChildren();
    if (rows.length === 0) {
      container.append(make('p', 'None yet.', 'muted'));
      return;
    }
    const element = make('table');
    const head = make('tr');
    for (const column of columns) head.append(make('th', column));
    element.append(head);
    for (const row of rows) {
      const line = make('tr');
      for (const column of columns) line.append(make('td', pretty(row[column])));
      element.append(line);
    }
    container.append(element);
  };
  const fillSelect = (id: string, values: readonly string[]): void => {
    const select = byId<HTMLSelectElement>(id);
    const current = select.value;
    select.replaceChildren(...values.map((value) => new Option(value, value)));
    if (values.includes(current)) select.value = current;
  };
  // The payload editor starts from the resource data of the chosen event (`{ "order": { "id": 1 } }`) until the
  // person edits it; droplet events get their company block from the emulator, so they start empty.
  let topics: PageState['topics'] = {};
  let payloadEdited = false;
  const payloadEditor = byId<HTMLTextAreaElement>('webhook-payload');
  payloadEditor.addEventListener('input', () => {
    payloadEdited = true;
  });
  const suggestPayload = (): void => {
    if (payloadEdited) return;
    const event = byId<HTMLSelectElement>('webhook-event').value;
    const resource = Object.keys(topics).find((name) =>
      (topics[name] ?? []).some((action) => `${name}_${action}` === event),
    );
    payloadEditor.value =
      resource === undefined || resource === 'droplet'
        ? '{}'
        : JSON.stringify({ [resource]: { id: 1 } }, null, 2);
  };
  byId<HTMLSelectElement>('webhook-event').addEventListener('change', suggestPayload);
  const refresh = async (): Promise<void> => {
    const state = (await call('GET', '/_emulator/state')) as unknown as PageState;
    topics = state.topics;
    const names = state.definitions.map((definition) => definition.name);
    fillSelect('webhook-event', state.events);
    suggestPayload();
    fillSelect('callback-name', names);
    fillSelect('fuzz-name', names);
    table('installations', state.installations, [
      'uuid',
      'company_id',
      'active',
      'authentication_token',
      'created_at',
    ]);
    table('registrations', state.registrations, [
      'definition_name',
      'url',
      'active',
      'company_id',
      'country_codes',
    ]);
    table('webhooks', state.webhooks, ['id', 'event_identifier', 'url', 'active', 'company_id']);
    for (const delivery of [...state.deliveries].reverse()) addDelivery(delivery, true);
  };
  const loadSample = async (): Promise<void> => {
    const name = byId<HTMLSelectElement>('callback-name').value;
    if (name === '') return;
    const sample = await call('GET', `/_emulator/callbacks/sample?name=${encodeURIComponent(name)}`);
    const editor = byId<HTMLTextAreaElement>('callback-request');
    editor.value = JSON.stringify(sample.request, null, 2);
    editor.dataset.name = name;
  };

  // --- actions ---
  run('install-button', async () => {
    const result = await call('POST', '/_emulator/installations', {
      url: byId<HTMLInputElement>('install-url').value.trim(),
      version: byId<HTMLSelectElement>('install-version').value,
      ...shopOf('install-shop'),
    });
    const tokens = result.tokens as Record<string, unknown>;
    const masked: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(tokens)) {
      masked[key] = typeof value === 'string' ? `${value.slice(0, 4)}…${value.slice(-4)}` : value;
    }
    const shownResult = byId('install-result');
    shownResult.textContent = pretty({ installation: result.installation, tokens: masked });
    shownResult.hidden = false;
    const delivery = result.delivery as { status: number | null; error?: string };
    say(`installed; droplet_installed answered ${delivery.status ?? delivery.error ?? 'nothing'}`);
    await refresh();
  });
  run('webhook-button', async () => {
    const payload = parseJson(byId<HTMLTextAreaElement>('webhook-payload').value, 'the payload');
    const result = await call('POST', '/_emulator/webhooks/trigger', {
      event: byId<HTMLSelectElement>('webhook-event').value,
      ...(payload === undefined ? {} : { payload }),
      ...shopOf('webhook-shop'),
    });
    const sent = (result.deliveries as unknown[]).length;
    say(sent === 0 ? 'no active webhook is subscribed to that event' : `delivered to ${sent} webhook(s)`);
  });
  run('callback-sample', loadSample);
  run('callback-button', async () => {
    const request = parseJson(byId<HTMLTextAreaElement>('callback-request').value, 'the request');
    const result = await call('POST', '/_emulator/callbacks/trigger', {
      name: byId<HTMLSelectElement>('callback-name').value,
      ...(request === undefined ? {} : { request }),
      ...shopOf('callback-shop'),
    });
    const reports = result.reports as { ok: boolean; status: number | null }[];
    say(
      reports.map((report) => `${report.ok ? 'ok' : 'failed'} (${report.status ?? 'no reply'})`).join(', '),
    );
  });
  run('fuzz-button', async () => {
    const count = Number(byId<HTMLInputElement>('fuzz-count').value);
    const result = await call('POST', '/_emulator/callbacks/fuzz', {
      name: byId<HTMLSelectElement>('fuzz-name').value,
      count,
      ...shopOf('fuzz-shop'),
    });
    const report = result.report as {
      passed: number;
      failed: number;
      cases: {
        index: number;
        kind: string;
        expected: string;
        verdict: string;
        reason: string;
        report: { status: number | null };
      }[];
    };
    const container = byId('fuzz-result');
    container.replaceChildren(make('p', `${report.passed} passed, ${report.failed} failed`));
    const element = make('table');
    const head = make('tr');
    for (const column of ['#', 'kind', 'expected', 'status', 'verdict', 'reason'])
      head.append(make('th', column));
    element.append(head);
    for (const item of report.cases) {
      const line = make('tr', undefined, item.verdict === 'pass' ? 'ok' : 'bad');
      for (const cell of [
        item.index,
        item.kind,
        item.expected,
        item.report.status ?? 'none',
        item.verdict,
        item.reason,
      ]) {
        line.append(make('td', String(cell)));
      }
      element.append(line);
    }
    container.append(element);
    say(`fuzz: ${report.passed} passed, ${report.failed} failed`, report.failed > 0);
  });
  byId<HTMLSelectElement>('callback-name').addEventListener('change', () => {
    loadSample().catch((error: unknown) => say(String(error), true));
  });

  // --- live updates ---
  let pending: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = (): void => {
    if (pending !== undefined) return;
    pending = setTimeout(() => {
      pending = undefined;
      refresh().catch((error: unknown) => say(String(error), true));
    }, 200);
  };
  const stream = new EventSource('/_emulator/events');
  stream.addEventListener('open', () => {
    byId('live').textContent = 'live';
  });
  stream.addEventListener('error', () => {
    byId('live').textContent = 'reconnecting…';
  });
  stream.addEventListener('delivery', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as { delivery: PageDelivery };
    addDelivery(event.delivery, true);
  });
  stream.addEventListener('request', (message) => {
    const event = JSON.parse((message as MessageEvent<string>).data) as { method: string; path: string };
    if (event.method !== 'GET' && !event.path.startsWith('/_emulator/')) refreshSoon();
  });

  refresh()
    .then(loadSample)
    .then(() => {
      document.body.dataset.ready = 'true';
    })
    .catch((error: unknown) => say(String(error), true));
}
