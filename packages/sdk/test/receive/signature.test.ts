import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { tokenDigest } from '@fluid-droplet/sdk';
import {
  assertFluidSignature,
  FluidError,
  isSignatureVerificationError,
  SignatureVerificationError,
  signFluidRequest,
  verifyFluidSignature,
  verifyLegacyToken,
} from '@fluid-droplet/sdk/receive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHexMac, sha256Hex, useWebCryptoOnly } from '../../src/receive/signature/crypto.js';

const KEY = 'wvt_3kq9ZsYp0bTnQ7xR';
const NOW = new Date('2026-03-01T12:00:00Z');
const T = Math.floor(NOW.getTime() / 1000);
const BODY = '{"id":1,"name":"order_created","payload":{"order":{"id":7,"note":"caf\u00e9 \u2603"}}}';

function nodeHmac(key: string, message: string | Buffer): string {
  return createHmac('sha256', key).update(message).digest('hex');
}

async function signed(body = BODY, key = KEY, timestamp = T) {
  return signFluidRequest({ body, key, timestamp });
}

// Every case runs against both HMAC paths: node:crypto (where the runtime offers it) and the portable Web Crypto.
describe.each([
  ['node:crypto', false],
  ['Web Crypto', true],
])('%s', (_backend, webCryptoOnly) => {
  beforeAll(() => useWebCryptoOnly(webCryptoOnly));
  afterAll(() => useWebCryptoOnly(false));

  describe('the token digest', () => {
    it('is the one the stores keep: sha256Hex agrees with tokenDigest, non-ASCII and empty tokens included', async () => {
      for (const token of ['cvt_abc', 'cvt_caf\u00e9 \u2603', '', 'x'.repeat(200)]) {
        const expected = createHash('sha256').update(token, 'utf8').digest('hex');
        expect(tokenDigest(token)).toBe(expected);
        expect(await sha256Hex(token)).toBe(expected);
      }
    });
  });

  describe('signFluidRequest', () => {
    it('matches a known answer computed independently with node:crypto', async () => {
      const headers = await signFluidRequest({ body: 'hello', key: 'secret', timestamp: 1_700_000_000 });
      expect(headers['X-Fluid-Signature']).toBe(nodeHmac('secret', '1700000000.hello'));
      // Pinned, so the vector stays fixed even if both implementations changed the message layout together.
      expect(headers['X-Fluid-Signature']).toBe(
        '47b1df0ab12338b2685470b0d2b37033add7c3b2bc8172f313e77413f1bb78c8',
      );
      expect(headers['X-Fluid-Timestamp']).toBe('1700000000');
    });

    it('signs the exact UTF-8 bytes of a non-ASCII body', async () => {
      const headers = await signed();
      expect(headers['X-Fluid-Signature']).toBe(nodeHmac(KEY, Buffer.from(`${T}.${BODY}`, 'utf8')));
    });

    it('sends the token headers Fluid sends for each delivery kind', async () => {
      const webhook = await signFluidRequest({ body: BODY, key: KEY, timestamp: T, shop: 'acme' });
      expect(webhook).toMatchObject({ 'X-Fluid-Shop': 'acme', 'X-Fluid-Token': KEY, AUTH_TOKEN: KEY });
      expect(webhook['Content-Type']).toBe('application/json');
      const callback = await signFluidRequest({ body: BODY, key: 'cvt_abc', timestamp: T, kind: 'callback' });
      expect(callback['X-Fluid-Callback-Token']).toBe('cvt_abc');
      expect(callback).not.toHaveProperty('AUTH_TOKEN');
    });

    it.each(['', '   ', ' wvt_x', 'wvt_x\n'])('refuses to sign with an unusable key %j', async (key) => {
      await expect(signFluidRequest({ body: BODY, key })).rejects.toThrow(TypeError);
    });
  });

  describe('verifyFluidSignature', () => {
    it('accepts a valid signature over a string, Uint8Array and ArrayBuffer body', async () => {
      const headers = await signed();
      const bytes = new TextEncoder().encode(BODY);
      for (const rawBody of [BODY, bytes, bytes.buffer, Buffer.from(BODY)]) {
        expect(await verifyFluidSignature({ rawBody, headers, keys: KEY, now: NOW })).toEqual({
          ok: true,
          timestamp: T,
        });
      }
    });

    it('accepts a signature computed independently with node:crypto', async () => {
      const headers = { 'x-fluid-timestamp': String(T), 'x-fluid-signature': nodeHmac(KEY, `${T}.${BODY}`) };
      expect((await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).ok).toBe(true);
    });

    it('rejects a body changed after signing, even by one byte or by whitespace', async () => {
      const headers = await signed();
      for (const rawBody of [`${BODY} `, BODY.replace('7', '8'), JSON.stringify(JSON.parse(BODY), null, 2)]) {
        expect(await verifyFluidSignature({ rawBody, headers, keys: KEY, now: NOW })).toMatchObject({
          ok: false,
          reason: 'signature_mismatch',
        });
      }
    });

    it('rejects a wrong key, another company key, and a prefix or suffix of the right key', async () => {
      const headers = await signed();
      for (const keys of ['wvt_other', KEY.slice(0, -1), `${KEY}x`, `x${KEY}`]) {
        expect(await verifyFluidSignature({ rawBody: BODY, headers, keys, now: NOW })).toMatchObject({
          ok: false,
          reason: 'signature_mismatch',
        });
      }
    });

    it('accepts any of several keys during rotation, in any position', async () => {
      const headers = await signed();
      for (const keys of [
        [KEY, 'wvt_new'],
        ['wvt_new', KEY],
        ['a', 'b', KEY],
      ]) {
        expect((await verifyFluidSignature({ rawBody: BODY, headers, keys, now: NOW })).ok).toBe(true);
      }
      expect((await verifyFluidSignature({ rawBody: BODY, headers, keys: ['a', 'b'], now: NOW })).ok).toBe(
        false,
      );
    });

    it.each([
      ['empty', ''],
      ['whitespace-only', '   '],
      ['padded', ` ${KEY} `],
      ['empty list', []],
      ['list of blanks', ['', ' ']],
    ])('rejects a %s key without trying it', async (_label, keys) => {
      const headers = await signFluidRequest({ body: BODY, key: 'k', timestamp: T });
      expect(await verifyFluidSignature({ rawBody: BODY, headers, keys, now: NOW })).toEqual({
        ok: false,
        reason: 'no_usable_key',
      });
    });

    it('does not accept a signature made with an empty key', async () => {
      const forged = { 'x-fluid-timestamp': String(T), 'x-fluid-signature': nodeHmac('', `${T}.${BODY}`) };
      expect(
        (await verifyFluidSignature({ rawBody: BODY, headers: forged, keys: ['', KEY], now: NOW })).ok,
      ).toBe(false);
    });

    it.each([
      ['exactly at the past edge', -300, true],
      ['exactly at the future edge', 300, true],
      ['one second too old', -301, false],
      ['one second too far in the future', 301, false],
      ['a day old', -86_400, false],
    ])('timestamp %s', async (_label, offset, ok) => {
      const headers = await signed(BODY, KEY, T + offset);
      const result = await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW });
      expect(result.ok).toBe(ok);
      if (!result.ok) expect(result.reason).toBe('timestamp_out_of_tolerance');
    });

    it('honours a custom tolerance', async () => {
      const headers = await signed(BODY, KEY, T - 20);
      expect(
        (await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW, toleranceSeconds: 10 }))
          .ok,
      ).toBe(false);
      expect(
        (await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW, toleranceSeconds: 30 }))
          .ok,
      ).toBe(true);
    });

    it('rejects a timestamp changed after signing', async () => {
      const headers = { ...(await signed()), 'X-Fluid-Timestamp': String(T - 1) };
      expect(await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).toMatchObject({
        reason: 'signature_mismatch',
      });
    });

    it.each([
      ['missing signature', { 'x-fluid-timestamp': String(T) }, 'missing_header'],
      ['missing timestamp', { 'x-fluid-signature': 'a'.repeat(64) }, 'missing_header'],
      ['empty signature', { 'x-fluid-timestamp': String(T), 'x-fluid-signature': '' }, 'missing_header'],
      [
        'whitespace signature',
        { 'x-fluid-timestamp': String(T), 'x-fluid-signature': '  ' },
        'missing_header',
      ],
      [
        'uppercase hex',
        { 'x-fluid-timestamp': String(T), 'x-fluid-signature': 'A'.repeat(64) },
        'malformed_signature',
      ],
      [
        'short hex',
        { 'x-fluid-timestamp': String(T), 'x-fluid-signature': 'a'.repeat(63) },
        'malformed_signature',
      ],
      [
        'long hex',
        { 'x-fluid-timestamp': String(T), 'x-fluid-signature': 'a'.repeat(66) },
        'malformed_signature',
      ],
      [
        'not hex',
        { 'x-fluid-timestamp': String(T), 'x-fluid-signature': 'z'.repeat(64) },
        'malformed_signature',
      ],
      [
        'sha256= prefix',
        { 'x-fluid-timestamp': String(T), 'x-fluid-signature': `sha256=${'a'.repeat(64)}` },
        'malformed_signature',
      ],
      [
        'ms timestamp',
        { 'x-fluid-timestamp': `${T}000`, 'x-fluid-signature': 'a'.repeat(64) },
        'timestamp_out_of_tolerance',
      ],
      [
        'ISO timestamp',
        { 'x-fluid-timestamp': NOW.toISOString(), 'x-fluid-signature': 'a'.repeat(64) },
        'malformed_timestamp',
      ],
      [
        'negative timestamp',
        { 'x-fluid-timestamp': `-${T}`, 'x-fluid-signature': 'a'.repeat(64) },
        'malformed_timestamp',
      ],
      [
        'fractional timestamp',
        { 'x-fluid-timestamp': `${T}.5`, 'x-fluid-signature': 'a'.repeat(64) },
        'malformed_timestamp',
      ],
    ])('rejects %s without throwing', async (_label, headers, reason) => {
      expect(await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).toMatchObject({
        ok: false,
        reason,
      });
    });

    it('rejects a signature header sent twice in a Web Headers object (comma-joined)', async () => {
      const good = await signed();
      const headers = new Headers(good);
      headers.append('X-Fluid-Signature', good['X-Fluid-Signature'] ?? '');
      expect(await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).toMatchObject({
        reason: 'duplicate_header',
        header: 'x-fluid-signature',
      });
    });

    it('rejects a timestamp sent twice in Node IncomingHttpHeaders (array)', async () => {
      const good = await signed();
      const headers: IncomingHttpHeaders = {
        'x-fluid-signature': good['X-Fluid-Signature'],
        // Node types only set-cookie as an array, but a raw header list can still produce one for any name.
        ...({ 'x-fluid-timestamp': [String(T), String(T)] } as Record<string, string[]>),
      };
      expect(await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).toMatchObject({
        reason: 'duplicate_header',
        header: 'x-fluid-timestamp',
      });
    });

    it('rejects a header spelled twice in different cases in a plain record', async () => {
      const good = await signed();
      const headers = { ...good, 'x-fluid-signature': good['X-Fluid-Signature'] };
      expect(await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).toMatchObject({
        reason: 'duplicate_header',
      });
    });

    it('reads headers case-insensitively from every input shape', async () => {
      const good = await signed();
      const lower = Object.fromEntries(
        Object.entries(good).map(([name, value]) => [name.toLowerCase(), value]),
      );
      for (const headers of [good, lower, new Headers(good)]) {
        expect((await verifyFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).ok).toBe(true);
      }
    });

    it('assertFluidSignature throws a typed error with the reason and no key in it', async () => {
      const headers = await signed();
      const error = await assertFluidSignature({ rawBody: `${BODY}x`, headers, keys: KEY, now: NOW }).catch(
        (caught: unknown) => caught,
      );
      expect(isSignatureVerificationError(error)).toBe(true);
      expect(error).toBeInstanceOf(SignatureVerificationError);
      expect(error).toBeInstanceOf(FluidError);
      if (!isSignatureVerificationError(error)) return;
      expect(error.name).toBe('SignatureVerificationError');
      expect(error.reason).toBe('signature_mismatch');
      expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(KEY);
      await expect(assertFluidSignature({ rawBody: BODY, headers, keys: KEY, now: NOW })).resolves.toEqual({
        timestamp: T,
      });
    });
  });

  describe('verifyLegacyToken', () => {
    it('accepts the exact token, one of several during rotation', async () => {
      expect(await verifyLegacyToken({ headers: { AUTH_TOKEN: 'tok_1' }, tokens: 'tok_1' })).toEqual({
        ok: true,
      });
      expect(
        (await verifyLegacyToken({ headers: new Headers({ auth_token: 'tok_1' }), tokens: ['x', 'tok_1'] }))
          .ok,
      ).toBe(true);
    });

    it.each([
      ['missing', {}, 'missing_header'],
      ['empty', { AUTH_TOKEN: '' }, 'missing_header'],
      ['whitespace-only', { AUTH_TOKEN: '   ' }, 'missing_header'],
      ['sent twice', { auth_token: ['tok_1', 'tok_1'] }, 'duplicate_header'],
      ['wrong', { AUTH_TOKEN: 'tok_2' }, 'signature_mismatch'],
      ['a prefix', { AUTH_TOKEN: 'tok_' }, 'signature_mismatch'],
      ['a suffix', { AUTH_TOKEN: 'tok_1_and_more' }, 'signature_mismatch'],
      ['a very long value', { AUTH_TOKEN: 'x'.repeat(10_000) }, 'signature_mismatch'],
    ])('rejects a %s token without throwing', async (_label, headers, reason) => {
      expect(await verifyLegacyToken({ headers, tokens: 'tok_1' })).toMatchObject({ ok: false, reason });
    });

    it('rejects when no usable token is configured, even if the header is empty-ish', async () => {
      expect(await verifyLegacyToken({ headers: { AUTH_TOKEN: 'x' }, tokens: ['', ' '] })).toEqual({
        ok: false,
        reason: 'no_usable_key',
      });
    });
  });
});

describe('parseHexMac', () => {
  it('accepts exactly 64 lowercase hex digits and decodes them as Buffer does', () => {
    const hex = createHash('sha256').update('x').digest('hex');
    expect(Buffer.from(parseHexMac(hex) ?? [])).toEqual(Buffer.from(hex, 'hex'));
    const valid = hex.slice(0, 63);
    // Every UTF-16 code unit in the last position: only 0-9 and a-f are digits.
    for (let code = 0; code <= 0xffff; code += 1) {
      const candidate = valid + String.fromCharCode(code);
      const digit = (code >= 48 && code <= 57) || (code >= 97 && code <= 102);
      expect(parseHexMac(candidate) !== undefined, `code ${code}`).toBe(digit);
    }
    for (const bad of ['', hex.slice(1), `${hex}0`, `${hex}\n`, `\n${hex.slice(1)}`, hex.toUpperCase()]) {
      expect(parseHexMac(bad)).toBeUndefined();
    }
  });
});
