import type { SchemaObject } from '../../schema/prepared.js';
import { jsonLiteral } from '../escape.js';
import {
  child,
  type EmitContext,
  helper,
  inline,
  multiline,
  numberOf,
  type Site,
  schemaOf,
  schemasOf,
  withChecks,
} from './context.js';
import type { EmitSchema } from './object.js';

/**
 * `type: array`: `z.array` for `items`, or `z.tuple` of optional elements for `prefixItems` (shorter arrays
 * are valid) with `items` as the rest; lengths, uniqueItems and contains as checks (never tuple unions).
 */
export function arraySchema(
  schema: SchemaObject,
  site: Site,
  context: EmitContext,
  emit: EmitSchema,
): string {
  const prefix = schemasOf(schema, 'prefixItems') ?? [];
  const items = schemaOf(schema, 'items');
  const rest =
    items === undefined || items === true ? 'z.unknown()' : emit(items, inline(site, 'items'), context);
  const checks: string[] = [];
  const min = numberOf(schema, 'minItems');
  const max = numberOf(schema, 'maxItems');
  let code: string;
  if (prefix.length === 0) {
    code = `z.array(${rest})`;
    if (min !== undefined) code += `.min(${jsonLiteral(min)})`;
    if (max !== undefined) code += `.max(${jsonLiteral(max)})`;
  } else {
    // Elements before minItems must be there: Zod's tuple then enforces minItems by itself.
    const elements = prefix.map((element, index) => {
      const code = emit(element, child(site, 'prefixItems', index), context);
      return index < (min ?? 0) ? code : `z.exactOptional(${code})`;
    });
    const tail = items === false ? '' : `, ${rest}`;
    code = `z.tuple([${multiline(elements, site.indent)}]${tail})`;
    if (min !== undefined && min > prefix.length) {
      checks.push(`${helper(context, 'minItems')}(${jsonLiteral(min)})`);
    }
    if (max !== undefined) checks.push(`${helper(context, 'maxItems')}(${jsonLiteral(max)})`);
  }
  if (schema.uniqueItems === true) checks.push(`${helper(context, 'uniqueItems')}()`);
  const contains = schemaOf(schema, 'contains');
  if (contains !== undefined) {
    const minContains = numberOf(schema, 'minContains') ?? 1;
    const maxContains = numberOf(schema, 'maxContains');
    const args = [
      emit(contains, inline(site, 'contains'), context),
      jsonLiteral(minContains),
      maxContains === undefined ? 'undefined' : jsonLiteral(maxContains),
    ];
    checks.push(`${helper(context, 'contains')}(${args.join(', ')})`);
  }
  return withChecks(code, checks);
}
