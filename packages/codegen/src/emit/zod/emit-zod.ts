import type { Diagnostic } from '../../diagnostics.js';
import type { JsonSchema, PreparedSchema } from '../../schema/prepared.js';
import type { EmitContext } from './context.js';
import { zodOf } from './node.js';
import { definitionOrder } from './order.js';

/** Names and location of the root validator being emitted. */
export interface EmitZodOptions {
  /** The root const, e.g. `orderQuoteResponseSchema`. */
  readonly constName: string;
  /** The root type, e.g. `OrderQuoteResponse` (declared by the types emitter). */
  readonly typeName: string;
  /** JSON pointer of the root schema inside the callback definition, prefixed to every diagnostic. */
  readonly pointer: string;
}

/** The emitted declarations, findings, and the `_runtime.js` helpers the declarations use. */
export interface EmitZodResult {
  readonly code: string;
  readonly diagnostics: Diagnostic[];
  readonly runtime: ReadonlySet<string>;
}

const REF_PREFIX = '#/$defs/';

function definitionSchema(root: JsonSchema, suffix: string): JsonSchema {
  const defs = typeof root === 'object' ? root.$defs : undefined;
  const schema =
    typeof defs === 'object' && defs !== null ? (defs as Record<string, unknown>)[suffix] : undefined;
  return typeof schema === 'boolean' || (typeof schema === 'object' && schema !== null)
    ? (schema as JsonSchema)
    : true;
}

/**
 * Zod v4 validators for a prepared schema: one `export const` per definition (ordered so nothing is used
 * before it is defined, `z.lazy` for recursive ones) and then the root, each typed `z.ZodType<Type>` so the
 * compiler checks that validator and type agree. Validation follows JSON Schema 2020-12 exactly (Ajv is the
 * reference); what cannot be exact is reported as `approximate-validation` and commented in the output.
 *
 * @example
 * emitZod(prepared, { constName: 'orderQuoteResponseSchema', typeName: 'OrderQuoteResponse', pointer: '/response_schema' });
 * // { code: 'export const orderQuoteResponseSchema: z.ZodType<OrderQuoteResponse> = z.looseObject({ … });\n', … }
 */
export function emitZod(prepared: PreparedSchema, options: EmitZodOptions): EmitZodResult {
  const prefix = options.constName.replace(/Schema$/, '');
  const constOf = (suffix: string): string => `${prefix}${suffix}Schema`;
  // Definitions already declared are referenced directly; any other (recursion) through `z.lazy`.
  const declared = new Set<string>();
  const context: EmitContext = {
    runtime: new Set(),
    diagnostics: [],
    usesZodObject: false,
    reference: (ref) => {
      if (ref === '#') return `z.lazy(() => ${options.constName})`;
      const suffix = ref.slice(REF_PREFIX.length);
      const definition = prepared.definitions.get(suffix);
      if (!ref.startsWith(REF_PREFIX) || definition === undefined) {
        throw new Error(`not a normal-form $ref: ${ref}`);
      }
      return declared.has(suffix) ? constOf(suffix) : `z.lazy(() => ${constOf(suffix)})`;
    },
  };
  const declare = (name: string, type: string, schema: JsonSchema, pointer: string): string => {
    context.usesZodObject = false;
    let body = zodOf(schema, { pointer, indent: '' }, context);
    // Zod rebuilds objects and drops an own `__proto__` key on the way: hand back the input itself.
    if (context.usesZodObject && !body.startsWith('keepInput(')) {
      context.runtime.add('keepInput');
      body = `keepInput(${body})`;
    }
    return `export const ${name}: z.ZodType<${type}> = ${body};\n`;
  };
  const order = definitionOrder(prepared.definitions, (suffix) => definitionSchema(prepared.schema, suffix));
  const declarations = order.map((suffix) => {
    const code = declare(
      constOf(suffix),
      `${options.typeName}${suffix}`,
      definitionSchema(prepared.schema, suffix),
      `${options.pointer}/$defs/${suffix}`,
    );
    declared.add(suffix);
    return code;
  });
  declarations.push(declare(options.constName, options.typeName, prepared.schema, options.pointer));
  return { code: declarations.join('\n'), diagnostics: context.diagnostics, runtime: context.runtime };
}
