import { compilesAsPattern } from '../../schema/check-keywords.js';
import { isRecord } from '../../schema/json.js';
import type { JsonSchema, SchemaObject } from '../../schema/prepared.js';
import { jsonLiteral, propertyKey, regExpExpression, stringLiteral } from '../escape.js';
import {
  approximate,
  arrayLiteral,
  child,
  type EmitContext,
  helper,
  inline,
  multiline,
  numberOf,
  type Site,
  schemaOf,
  withChecks,
} from './context.js';

/** Turns a sub-schema into Zod source (the recursion back into the node emitter). */
export type EmitSchema = (schema: JsonSchema, site: Site, context: EmitContext) => string;

/**
 * Keys Zod's object shape cannot hold: it reads `input[key]` and tests `key in input`, so names inherited
 * from `Object.prototype` (`__proto__`, `constructor`, `toString`, …) would be found on every object.
 */
function isInheritedName(key: string): boolean {
  return Object.hasOwn(Object.prototype, key);
}

function recordOf(value: unknown): Array<[string, JsonSchema]> {
  return isRecord(value) ? (Object.entries(value) as Array<[string, JsonSchema]>) : [];
}

/**
 * `type: object`: declared properties in a Zod shape (optional ones through `z.exactOptional`), then
 * own-property checks for what the shape cannot express exactly: required keys it does not hold,
 * inherited names, patternProperties and additionalProperties (which skips keys matched by either),
 * propertyNames and the property counts.
 */
export function objectSchema(
  schema: SchemaObject,
  site: Site,
  context: EmitContext,
  emit: EmitSchema,
): string {
  const properties = recordOf(schema.properties);
  const patterns = recordOf(schema.patternProperties);
  const required = Array.isArray(schema.required)
    ? schema.required.filter((key): key is string => typeof key === 'string')
    : [];
  const additional = schemaOf(schema, 'additionalProperties');
  const declared = new Set(properties.map(([key]) => key));
  const inherited = properties.some(([key]) => isInheritedName(key));

  // Whether Zod output may differ from the input so far; this object's own answer is settled at the end.
  const outer = context.usesZodObject;
  if (numberOf(schema, 'maxProperties') === 0) {
    // No key at all: every keyword about keys is moot but required and minProperties (which then fail).
    // Typed `Record<string, never>`, as the types emitter declares it.
    const checks = [`${helper(context, 'maxProperties')}(0)`];
    const min = numberOf(schema, 'minProperties');
    if (min !== undefined && min > 0)
      checks.unshift(`${helper(context, 'minProperties')}(${jsonLiteral(min)})`);
    if (required.length > 0) {
      checks.unshift(
        `${helper(context, 'requiredKeys')}(${arrayLiteral([...new Set(required)], site.indent)})`,
      );
    }
    context.usesZodObject = outer;
    return withChecks(`${helper(context, 'keepInput')}(z.record(z.string(), z.never()))`, checks);
  }
  const shape: string[] = [];
  const checks: string[] = [];
  for (const [key, sub] of properties) {
    const code = emit(sub, child(site, 'properties', key), context);
    shape.push(`${propertyKey(key)}: ${required.includes(key) ? code : `z.exactOptional(${code})`}`);
    // Zod never reads a `__proto__` key (it only types it here): check the own value.
    if (key === '__proto__') checks.push(`${helper(context, 'ownProperty')}('__proto__', ${code})`);
  }
  const unheld = [...new Set(required)].filter((key) => !declared.has(key) || key === '__proto__');
  if (unheld.length > 0) {
    checks.push(`${helper(context, 'requiredKeys')}(${arrayLiteral(unheld, site.indent)})`);
  }

  const body = shape.length === 0 ? '{}' : `{${multiline(shape, site.indent)}}`;
  const extra =
    additional === undefined || typeof additional === 'boolean'
      ? undefined
      : emit(additional, inline(site, 'additionalProperties'), context);
  let code: string;
  if (patterns.length > 0) {
    let notes = '';
    const entries = patterns.flatMap(([pattern, sub]) => {
      const patternSite = child(site, 'patternProperties', pattern);
      if (compilesAsPattern(pattern)) return [[regExpExpression(pattern), emit(sub, patternSite, context)]];
      notes += approximate(
        context,
        patternSite,
        'patternProperties pattern is not a valid unicode regular expression',
      );
      return [];
    });
    // The catchall only types the extra keys (it accepts every valid one); restProperties decides which
    // schema applies to which key, as Zod's catchall cannot (zod#6198).
    const open = additional === undefined || additional === true;
    const members = [...(extra === undefined ? [] : [extra]), ...entries.map(([, sub]) => sub as string)];
    code =
      notes +
      (open || members.length === 0
        ? `z.${additional === false ? 'strictObject' : 'looseObject'}(${body})`
        : `z.object(${body}).catchall(${members.length === 1 ? members[0] : `z.union([${members.join(', ')}])`})`);
    const rest = [
      `known: ${arrayLiteral([...declared], `${site.indent}  `)}`,
      `patterns: [${entries.map(([pattern, sub]) => `[${pattern}, ${sub}]`).join(', ')}]`,
      `additional: ${additional === false ? 'false' : (extra ?? 'undefined')}`,
    ];
    checks.unshift(`${helper(context, 'restProperties')}({${multiline(rest, site.indent)}})`);
  } else if (additional === false) {
    code = `z.strictObject(${body})`;
  } else if (extra === undefined) {
    code = `z.looseObject(${body})`;
  } else {
    code = `z.object(${body}).catchall(${extra})`;
    // Zod's catchall skips an own `__proto__` key; JSON Schema checks it like any other.
    if (!declared.has('__proto__'))
      checks.unshift(`${helper(context, 'ownProperty')}('__proto__', ${extra})`);
  }

  const names = schemaOf(schema, 'propertyNames');
  if (names !== undefined) {
    checks.push(
      `${helper(context, 'propertyNames')}(${emit(names, inline(site, 'propertyNames'), context)})`,
    );
  }
  const dependentRequired = isRecord(schema.dependentRequired) ? schema.dependentRequired : undefined;
  if (dependentRequired !== undefined && Object.keys(dependentRequired).length > 0) {
    checks.push(`${helper(context, 'dependentRequired')}(${jsonLiteral(dependentRequired, site.indent)})`);
  }
  const dependentSchemas = recordOf(schema.dependentSchemas);
  if (dependentSchemas.length > 0) {
    const entries = dependentSchemas.map(
      ([key, sub]) => `[${stringLiteral(key)}, ${emit(sub, child(site, 'dependentSchemas', key), context)}]`,
    );
    checks.push(`${helper(context, 'dependentSchemas')}([${multiline(entries, site.indent)}])`);
  }
  const min = numberOf(schema, 'minProperties');
  const max = numberOf(schema, 'maxProperties');
  if (min !== undefined) checks.push(`${helper(context, 'minProperties')}(${jsonLiteral(min)})`);
  if (max !== undefined) checks.push(`${helper(context, 'maxProperties')}(${jsonLiteral(max)})`);
  if (checks.length === 0 && !inherited) {
    if (code.startsWith('z.strictObject(')) return code;
    // A loose Zod object drops an own `__proto__` key from its output: the export hands back the input.
    context.usesZodObject = true;
    return code;
  }
  // Checks see Zod's output, which lacks an own `__proto__` key, and Zod finds inherited names such as
  // `constructor` on every object: keepInput validates an own-properties view and hands back the input.
  context.usesZodObject = outer;
  return withChecks(`${helper(context, 'keepInput')}(${code}${inherited ? ', true' : ''})`, checks);
}
