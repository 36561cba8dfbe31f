// Every error body shape Fluid is known to send (fluid/API.md §1), read into a message and a request id.
import { describe, expect, it } from 'vitest';
import { findRequestId } from '../../src/client/core/read-body.js';
import { errorBodyMessage } from '../../src/client/errors/error-body.js';

describe('errorBodyMessage and findRequestId', () => {
  it.each([
    ['401 UnauthorizedResponse', { message: 'Unauthorized' }, 'Unauthorized', undefined],
    [
      '403 scope error',
      { error: 'Token does not have the required scope: products' },
      'Token does not have the required scope: products',
      undefined,
    ],
    [
      'ErrorResponse with field errors',
      { error_message: 'Invalid', errors: { url: ['is not https'] }, meta: { request_id: 'r1' } },
      'Invalid: url is not https',
      'r1',
    ],
    [
      'ErrorResponse with null errors',
      { error_message: 'Not found', errors: null, meta: { request_id: null } },
      'Not found',
      undefined,
    ],
    ['errors as a list', { errors: ['a', 'b'] }, 'a; b', undefined],
    ['errors as one string', { errors: 'bad' }, 'bad', undefined],
    [
      'resources 404 {message, status}',
      { message: 'Resource not found', status: 404 },
      'Resource not found',
      undefined,
    ],
    [
      'v2026 error object',
      {
        error: { message: 'Bad cursor', details: { cursor: 'x' } },
        status: 'error',
        meta: { request_id: 'r2' },
      },
      'Bad cursor',
      'r2',
    ],
    ['not JSON (HTML page kept as text)', '<html>502</html>', '<html>502</html>', undefined],
    ['empty', undefined, undefined, undefined],
  ])('%s', (_name, body, message, requestId) => {
    expect(errorBodyMessage(body)).toBe(message);
    expect(findRequestId(body, new Headers())).toBe(requestId);
    expect(findRequestId(body, new Headers({ 'x-request-id': 'h1' }))).toBe(requestId ?? 'h1');
  });
});
