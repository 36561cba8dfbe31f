import type { Diagnostic } from '../diagnostics.js';
import type { PreparedSchema } from '../schema/prepared.js';
import { EvaluationBudgetError, evaluate } from './evaluate.js';

/** Mismatches reported per example; the last one says how many more there are. */
const SHOWN = 10;

/**
 * Checks `example_response` against the prepared response schema, with the verdict the generated validator
 * gives it: a warning per mismatch (an error under `strict`), each with the JSON pointer inside the example.
 * Call it only once the schema step found no error. Diagnostics carry no file or definition (the caller's).
 * An example that takes more than `budget` steps to check gets one `example-unchecked` warning instead.
 *
 * @example
 * checkExample(prepareSchema(definition.response_schema, { pointer: '/response_schema' }), definition.example_response, false);
 */
export function checkExample(
  prepared: PreparedSchema,
  example: unknown,
  strict: boolean,
  budget?: number,
): Diagnostic[] {
  let mismatches: ReturnType<typeof evaluate>;
  try {
    mismatches = evaluate(prepared, example, budget);
  } catch (error) {
    if (!(error instanceof EvaluationBudgetError)) throw error;
    return [
      {
        severity: 'warning',
        code: 'example-unchecked',
        message: 'example_response not checked: response_schema takes too many steps to check it',
        pointer: '/example_response',
      },
    ];
  }
  const severity = strict ? 'error' : 'warning';
  return mismatches.slice(0, SHOWN).map((mismatch, index) => {
    const more =
      index === SHOWN - 1 && mismatches.length > SHOWN ? ` (and ${mismatches.length - SHOWN} more)` : '';
    return {
      severity,
      code: 'example-mismatch',
      message: `example_response does not match response_schema: ${mismatch.message}${more}`,
      pointer: `/example_response${mismatch.pointer}`,
    };
  });
}
