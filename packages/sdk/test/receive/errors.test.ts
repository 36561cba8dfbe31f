import { FluidError as ClientFluidError, FluidClient } from '@fluid-droplet/sdk/client';
import { FluidError, SignatureVerificationError } from '@fluid-droplet/sdk/receive';
import { describe, expect, it } from 'vitest';

describe('the receiving side in the SDK error hierarchy', () => {
  it('shares one FluidError base with the client', () => {
    expect(FluidError).toBe(ClientFluidError);
    const error = new SignatureVerificationError('timestamp_out_of_tolerance', 'x-fluid-timestamp');
    expect(error).toBeInstanceOf(FluidError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'SignatureVerificationError',
      reason: 'timestamp_out_of_tolerance',
      header: 'x-fluid-timestamp',
      message: 'signature verification failed: timestamp_out_of_tolerance (x-fluid-timestamp)',
    });
    expect(Object.prototype.toString.call(error)).toBe('[object Error]');
  });

  it('one catch clause takes both a client failure and a signature failure', async () => {
    // Nothing listens on port 9 of loopback: the client fails fast with a ConnectionError.
    const client = new FluidClient({ baseUrl: 'http://127.0.0.1:9', token: 'dit_secret', maxRetries: 0 });
    const failures = await Promise.all([
      client.callbackRegistrations.get('cbr_1').then(
        () => null,
        (error: unknown) => error,
      ),
      Promise.reject(new SignatureVerificationError('signature_mismatch')).catch((error: unknown) => error),
    ]);
    for (const failure of failures) expect(failure).toBeInstanceOf(FluidError);
    expect(failures.map((failure) => (failure instanceof Error ? failure.name : failure))).toEqual([
      'ConnectionError',
      'SignatureVerificationError',
    ]);
    expect(failures.map((failure) => String(failure)).join('\n')).not.toContain('dit_secret');
  });

  it('matches errors from another copy of the SDK (each CommonJS entry point bundles its own classes)', async () => {
    // The query makes the module runner evaluate a second, independent copy of the base class.
    const specifier = '../../src/errors/fluid-error.js?second-copy';
    const copy: typeof import('../../src/errors/fluid-error.js') = await import(/* @vite-ignore */ specifier);
    expect(copy.FluidError).not.toBe(FluidError);
    class ForeignSignatureError extends copy.FluidError {}
    const foreign = new ForeignSignatureError('signature verification failed: no_usable_key');
    expect(foreign).toBeInstanceOf(FluidError);
    expect(foreign).not.toBeInstanceOf(SignatureVerificationError);
    expect(new SignatureVerificationError('no_usable_key')).toBeInstanceOf(copy.FluidError);
    expect(new Error('plain')).not.toBeInstanceOf(FluidError);
    expect({ name: 'FluidError', message: 'duck' }).not.toBeInstanceOf(FluidError);
  });
});
