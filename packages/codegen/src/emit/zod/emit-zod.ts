import type { Diagnostic } from '../../diagnostics.js';
import type { JsonSchema, PreparedSchema } from '../../schema/prepared.js';
import type { EmitContext } from './context.js';
import { helper } from './context.js';
import { zodOf } from './node.js';
import { definitionOrder } from './order.js';
import { trackerOf } from './tracker.js';

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
  // A wrapped validator's unwrapped body, for references from other validators: the outermost keepInput
  // already hands back the whole input, so nested ones would only repeat the work.
  const shapeOf = (suffix: string): string => `${prefix}${suffix}Shape`;
  const definitions = definitionOrder(prepared.definitions, (suffix) =>
    definitionSchema(prepared.schema, suffix),
  ).map((suffix) => ({
    suffix,
    schema: definitionSchema(prepared.schema, suffix),
    pointer: `${options.pointer}/$defs/${suffix}`,
  }));
  const root = { suffix: '', schema: prepared.schema, pointer: options.pointer };

  const emitBody = (
    schema: JsonSchema,
    pointer: string,
    context: EmitContext,
  ): { body: string; wrap: boolean } => {
    context.usesZodObject = false;
    const body = zodOf(schema, { pointer, indent: '' }, context);
    // Zod rebuilds objects and drops an own `__proto__` key on the way: hand back the input itself.
    return { body, wrap: context.usesZodObject && !body.startsWith('keepInput(') };
  };
  // First pass: which validators get wrapped, so references can name an unwrapped body even before it is
  // declared. A reference may lead to an object, so a validator holding one is wrapped too.
  const probe: EmitContext = {
    runtime: new Set(),
    diagnostics: [],
    usesZodObject: false,
    reference: () => {
      probe.usesZodObject = true;
      return 'z.never()';
    },
    tracker: () => 'undefined',
  };
  const wrapped = new Set(
    [...definitions, root]
      .filter((item) => emitBody(item.schema, item.pointer, probe).wrap)
      .map((item) => item.suffix),
  );
  const target = (suffix: string): string => (wrapped.has(suffix) ? shapeOf(suffix) : constOf(suffix));

  // Definitions already declared are referenced directly; any other (recursion) through `z.lazy`.
  const declared = new Set<string>();
  // Trackers of `$ref` targets that unevaluated* needs, declared after every validator.
  const trackers = new Set<string>();
  const trackerName = (suffix: string): string => `${prefix}${suffix}Evaluated`;
  const context: EmitContext = {
    runtime: new Set(),
    diagnostics: [],
    usesZodObject: false,
    reference: (ref) => {
      if (ref === '#') return `z.lazy(() => ${target('')})`;
      const suffix = ref.slice(REF_PREFIX.length);
      if (!ref.startsWith(REF_PREFIX) || !prepared.definitions.has(suffix)) {
        throw new Error(`not a normal-form $ref: ${ref}`);
      }
      return declared.has(suffix) ? target(suffix) : `z.lazy(() => ${target(suffix)})`;
    },
    tracker: (ref) => {
      const suffix = ref === '#' ? '' : ref.slice(REF_PREFIX.length);
      trackers.add(suffix);
      return trackerName(suffix);
    },
  };
  const declare = (item: { suffix: string; schema: JsonSchema; pointer: string }): string => {
    const { body } = emitBody(item.schema, item.pointer, context);
    const type = `${options.typeName}${item.suffix}`;
    const name = constOf(item.suffix);
    declared.add(item.suffix);
    if (!wrapped.has(item.suffix)) return `export const ${name}: z.ZodType<${type}> = ${body};\n`;
    context.runtime.add('keepInput');
    // Only a validator something refers to needs its unwrapped body under a name of its own.
    const referenced = item.suffix !== '' || prepared.rootRecursive;
    if (!referenced) return `export const ${name}: z.ZodType<${type}> = keepInput(${body});\n`;
    const shape = shapeOf(item.suffix);
    return `const ${shape}: z.ZodType<${type}> = ${body};\nexport const ${name}: z.ZodType<${type}> = keepInput(${shape});\n`;
  };
  const declarations = [...definitions, root].map(declare);
  const emittedTrackers = new Set<string>();
  for (
    let pending = [...trackers];
    pending.length > 0;
    pending = [...trackers].filter((s) => !emittedTrackers.has(s))
  ) {
    for (const suffix of pending.sort()) {
      emittedTrackers.add(suffix);
      const item = suffix === '' ? root : definitions.find((entry) => entry.suffix === suffix);
      if (item === undefined) throw new Error(`no definition for tracker ${suffix}`);
      const tracker =
        trackerOf(item.schema, { pointer: item.pointer, indent: '' }, context, zodOf) ??
        `${helper(context, 'evAll')}()`;
      context.runtime.add('type Tracker');
      declarations.push(`const ${trackerName(suffix)}: Tracker = ${tracker};\n`);
    }
  }
  // Trackers emit branch validators a second time: report what those found once.
  const seen = new Set<string>();
  const diagnostics = context.diagnostics.filter((diagnostic) => {
    const key = JSON.stringify([diagnostic.pointer, diagnostic.code, diagnostic.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { code: declarations.join('\n'), diagnostics, runtime: context.runtime };
}
