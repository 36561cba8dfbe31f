// One guard for every error class: `Class.is(error)`, and `instanceof` answering the same, both across copies of
// the SDK (each CommonJS entry point bundles its own classes; an app can have two installs).
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  FluidApiError,
  type FluidApiErrorInit,
  FluidError,
  FluidPromise,
  GoneError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  ResponseTooLargeError,
  ResponseValidationError,
  SignatureVerificationError,
  TimeoutError,
  UnprocessableEntityError,
  UserAbortError,
} from '@fluid-droplet/sdk';
import { describe, expect, it } from 'vitest';
import { meta, webhook } from '../support/client-fixtures.js';
import { startFaultServer } from '../support/fault-server.js';

const init: FluidApiErrorInit = {
  status: 404,
  message: 'GET /x: HTTP 404',
  body: { error_message: 'not found', errors: { exchange_token: ['invalid'] }, meta },
  headers: new Headers(),
  requestId: 'r1',
  attempts: 1,
};

interface ErrorClass {
  readonly name: string;
  is(value: unknown): boolean;
  [Symbol.hasInstance](value: unknown): boolean;
}

// Every class with one instance, and the classes it descends from.
const cases: ReadonlyArray<readonly [FluidError, readonly ErrorClass[]]> = [
  [new FluidApiError({ ...init, status: 400 }), [FluidApiError]],
  [new AuthenticationError(init), [FluidApiError, AuthenticationError]],
  [new PermissionDeniedError(init), [FluidApiError, PermissionDeniedError]],
  [new NotFoundError(init), [FluidApiError, NotFoundError]],
  [new ConflictError(init), [FluidApiError, ConflictError]],
  [new GoneError(init), [FluidApiError, GoneError]],
  [new UnprocessableEntityError(init), [FluidApiError, UnprocessableEntityError]],
  [new RateLimitError({ ...init, retryAfterMs: 1 }), [FluidApiError, RateLimitError]],
  [new InternalServerError(init), [FluidApiError, InternalServerError]],
  [
    new ConnectionError({
      message: 'm',
      mayHaveBeenApplied: true,
      code: undefined,
      attempts: 1,
      cause: null,
    }),
    [ConnectionError],
  ],
  [new TimeoutError(1, 1), [TimeoutError]],
  [new UserAbortError(undefined), [UserAbortError]],
  [new PaginationError('too-many-pages', 3), [PaginationError]],
  [
    new ResponseParseError({ status: 200, contentType: null, bodySnippet: '', requestId: undefined }),
    [ResponseParseError],
  ],
  [
    new ResponseValidationError({ operation: 'GET /x', status: 200, requestId: undefined, issues: [] }),
    [ResponseValidationError],
  ],
  [
    new ResponseTooLargeError({ operation: 'GET /x', status: 200, limit: 1, requestId: undefined }),
    [ResponseTooLargeError],
  ],
  [new SignatureVerificationError('signature_mismatch'), [SignatureVerificationError]],
];

const classes = [...new Set(cases.flatMap(([, types]) => types))];

describe('Class.is and instanceof', () => {
  it.each(cases.map(([error, types]) => [error.name, error, types] as const))(
    '%s matches its own classes and FluidError, and no other class',
    (_name, error, types) => {
      expect(FluidError.is(error)).toBe(true);
      expect(error instanceof FluidError).toBe(true);
      for (const type of classes) {
        const expected = types.includes(type);
        expect(type.is(error), `${type.name}.is(${error.name})`).toBe(expected);
        expect(error instanceof type, `${error.name} instanceof ${type.name}`).toBe(expected);
      }
    },
  );

  it('narrows: the guard gives typed fields', () => {
    const error: unknown = new NotFoundError(init);
    if (!NotFoundError.is(error)) throw new Error('expected a NotFoundError');
    expect(error.status).toBe(404);
    expect(error.fieldErrors).toEqual({ exchange_token: ['invalid'] });
  });

  it('lookalikes are not errors of the SDK', () => {
    for (const lookalike of [
      new Error('plain'),
      { name: 'NotFoundError', status: 404 },
      null,
      'NotFoundError',
    ]) {
      expect(FluidError.is(lookalike)).toBe(false);
      expect(NotFoundError.is(lookalike)).toBe(false);
    }
  });
});

describe('across copies of the SDK', () => {
  it('an error class from a second copy of its module is recognised by the first, and back', async () => {
    // The query makes the module runner evaluate a second, independent copy of the module.
    const specifier = '../../src/client/errors/not-found-error.js?second-copy';
    const copy: typeof import('../../src/client/errors/not-found-error.js') = await import(
      /* @vite-ignore */ specifier
    );
    expect(copy.NotFoundError).not.toBe(NotFoundError);
    const foreign = new copy.NotFoundError(init);
    expect(foreign).not.toSatisfy((value) => Object.getPrototypeOf(value) === NotFoundError.prototype);
    expect(NotFoundError.is(foreign)).toBe(true);
    expect(foreign instanceof NotFoundError).toBe(true);
    expect(copy.NotFoundError.is(new NotFoundError(init))).toBe(true);
    expect(GoneError.is(foreign)).toBe(false);
  });

  it('a foreign hierarchy matches by the kinds it declares, not by its name', async () => {
    const specifier = '../../src/errors/fluid-error.js?second-copy';
    const copy: typeof import('../../src/errors/fluid-error.js') = await import(/* @vite-ignore */ specifier);
    expect(copy.FluidError).not.toBe(FluidError);
    class ForeignGone extends copy.FluidError {
      override readonly name: string = 'GoneError';
    }
    copy.defineErrorKind(ForeignGone, 'GoneError');
    class Unbranded extends copy.FluidError {
      override readonly name: string = 'NotFoundError';
    }
    expect(GoneError.is(new ForeignGone())).toBe(true);
    // It never declared FluidApiError's kind, so it is not one, whatever its name says.
    expect(FluidApiError.is(new ForeignGone())).toBe(false);
    expect(NotFoundError.is(new Unbranded())).toBe(false);
    expect(FluidError.is(new Unbranded())).toBe(true);
  });
});

describe('FluidPromise is a Promise', () => {
  it('instanceof Promise, and works with Promise.all, then, catch and finally', async () => {
    const server = await startFaultServer();
    try {
      server.script('GET /api/company/webhooks/1', { body: { webhook: webhook(1), meta } });
      server.script('GET /api/company/webhooks/2', { status: 404, body: { message: 'no' } });
      const { FluidClient } = await import('@fluid-droplet/sdk');
      const fluid = new FluidClient({ token: 'C-x', baseUrl: server.url });
      const one = fluid.webhooks.get(1);
      expect(one).toBeInstanceOf(Promise);
      expect(one).toBeInstanceOf(FluidPromise);
      const [value] = await Promise.all([one]);
      expect(value.id).toBe(1);
      expect(await one.then((hook) => hook.url)).toBe('https://hooks.example.com/1');
      let finallyRan = false;
      const missing = await fluid.webhooks
        .get(2)
        .finally(() => {
          finallyRan = true;
        })
        .catch((error: unknown) => (NotFoundError.is(error) ? 'gone' : 'other'));
      expect(missing).toBe('gone');
      expect(finallyRan).toBe(true);
      expect((await one.withResponse()).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
