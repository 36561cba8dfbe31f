import { compilesAsPattern } from '../../schema/check-keywords.js';
import { NUMBER_FORMATS, type SchemaObject, SUPPORTED_FORMATS } from '../../schema/prepared.js';
import { jsonLiteral, regExpExpression, stringLiteral } from '../escape.js';
import { approximate, child, type EmitContext, helper, numberOf, type Site, withChecks } from './context.js';

/** `type: string` with minLength/maxLength (code points), pattern (`u` flag, unanchored) and format. */
export function stringSchema(schema: SchemaObject, site: Site, context: EmitContext): string {
  const checks: string[] = [];
  let note = '';
  const min = numberOf(schema, 'minLength');
  const max = numberOf(schema, 'maxLength');
  if (min !== undefined) checks.push(`${helper(context, 'minLength')}(${jsonLiteral(min)})`);
  if (max !== undefined) checks.push(`${helper(context, 'maxLength')}(${jsonLiteral(max)})`);
  if (typeof schema.format === 'string' && !NUMBER_FORMATS.has(schema.format)) {
    if (SUPPORTED_FORMATS.has(schema.format)) {
      checks.push(`${helper(context, 'format')}(${stringLiteral(schema.format)})`);
    } else {
      note = approximate(
        context,
        child(site, 'format'),
        `format ${JSON.stringify(schema.format)} is not checked`,
      );
    }
  }
  let code = `${note}z.string()`;
  if (typeof schema.pattern === 'string') {
    if (!compilesAsPattern(schema.pattern)) {
      const note = approximate(
        context,
        child(site, 'pattern'),
        'pattern is not a valid unicode regular expression: no string matches',
      );
      return `${note}z.never()`;
    }
    code += `.regex(${regExpExpression(schema.pattern)})`;
  }
  return withChecks(code, checks);
}

const BOUNDS = [
  ['minimum', 'gte'],
  ['maximum', 'lte'],
  ['exclusiveMinimum', 'gt'],
  ['exclusiveMaximum', 'lt'],
] as const;

/** `type: number`/`integer` with bounds and multipleOf (Ajv's quotient rule); integers of any size. */
export function numberSchema(schema: SchemaObject, integer: boolean, context: EmitContext): string {
  let code = 'z.number()';
  for (const [keyword, method] of BOUNDS) {
    const bound = numberOf(schema, keyword);
    if (bound !== undefined) code += `.${method}(${jsonLiteral(bound)})`;
  }
  const checks: string[] = [];
  if (integer) checks.push(`${helper(context, 'integer')}()`);
  const divisor = numberOf(schema, 'multipleOf');
  if (divisor !== undefined) checks.push(`${helper(context, 'multipleOf')}(${jsonLiteral(divisor)})`);
  // Only the numeric formats apply to numbers (a string format such as `date` never fails a number).
  if (typeof schema.format === 'string' && NUMBER_FORMATS.has(schema.format)) {
    checks.push(`${helper(context, 'numberFormat')}(${stringLiteral(schema.format)})`);
  }
  return withChecks(code, checks);
}
