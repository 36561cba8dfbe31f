// The one place the generator adapts to json-schema-to-typescript (jstt), the design's choice for types.
// jstt is fed a rewritten schema and its output is printed again; each workaround, and what breaks without it:
//
// Input (to-jstt.ts, `toJstt`):
// - `$ref`s become `tsType` names we generate: jstt's ref-parser would otherwise resolve (and could fetch)
//   them, and inline or rename recursive definitions.
// - Property keys become placeholders (`$k0`): jstt crashes on `__proto__` and quotes keys its own way.
// - Titles are never passed: jstt turns each title into an extra declaration. Doc text is sanitized first.
// - Booleans inside allOf/anyOf/oneOf become `tsType: unknown | never`: jstt fails on them.
// - Object and array `enum`/`const` values become literal types in `tsType`: jstt reads a `"$ref"` key inside
//   a value as a reference ("Missing $ref pointer") and prints the rest as loose objects.
// - A node's own shape moves into `allOf` beside anyOf/oneOf: there jstt drops an object's index signature.
// - `properties` without `type` keeps every JSON type: jstt would read it as "an object".
// - `prefixItems` is spelt as draft-07 tuple `items`, with a leading marker for the required count: jstt
//   knows only the old spelling and has no optional tuple elements.
// - patternProperties fold into the index signature: jstt prints each pattern in a comment.
// - A closed object without properties gets `additionalProperties: { enum: [] }`, and `maxProperties: 0`
//   becomes `Record<string, never>`: jstt prints `{}`, which TypeScript reads as any non-null value.
// - A node that constrains nothing gets `tsType: unknown`: jstt prints an object for it.
// Options (below): no banner, no Prettier, `unknown` not `any`, no unions of tuples up to maxItems, nothing
// declared but the one root type, and a ref-parser that may read nothing.
// Output (print.ts, `printBody`): jstt's `format: false` text is re-indented with `;` after members, keys put
// back through `propertyKey`, every string literal re-escaped (U+2028, bidi controls), redundant parentheses
// dropped, tuple markers turned into optional elements; anything that is not one balanced type expression
// throws, so a surprise from jstt never reaches the output unseen.
import { compile, type Options } from 'json-schema-to-typescript';
import type { JsonSchema } from '../../schema/prepared.js';
import { printBody } from './print.js';
import { type RefNames, toJstt } from './to-jstt.js';

// The name jstt gives the one declaration it prints; only its own prefix is ever matched.
const JSTT_NAME = 'Root';

const JSTT_OPTIONS: Partial<Options> = {
  bannerComment: '',
  format: false,
  additionalProperties: true,
  unknownAny: true,
  strictIndexSignatures: true,
  // One tuple type per `prefixItems`, never unions of tuples up to `maxItems` (#372).
  ignoreMinAndMaxItems: true,
  declareExternallyReferenced: false,
  enableConstEnums: false,
  unreachableDefinitions: false,
  // Nothing is left for the ref-parser to resolve; should a `$ref` slip through, it still reads nothing.
  $refOptions: { resolve: { external: false, file: false, http: false } },
};

/** Most type expressions a {@link TypeMemo} keeps; it starts again when full. */
const MEMO_LIMIT = 4096;

/**
 * Type expressions already made in one run (on one thread), by schema and, for schemas with `$ref`s, root
 * name. Callbacks share schemas (a response envelope, a line item), and jstt is most of what a definition
 * costs to emit. One per run, never longer: a benchmark or a watch session must not see an earlier run's work.
 */
export type TypeMemo = Map<string, string>;

/**
 * The TypeScript type expression for one normal-form schema (documentation keywords already removed), made by
 * json-schema-to-typescript through the adaptations listed above. Throws when jstt fails or prints something
 * unexpected; the caller reports that as `types-emit-failed`. The expression depends only on the schema and,
 * through `$ref` names, on `names.typeName`, so equal schemas are typed once per `memo`.
 */
export async function jsttType(schema: JsonSchema, names: RefNames, memo?: TypeMemo): Promise<string> {
  if (schema === true) return 'unknown';
  if (schema === false) return 'never';
  let key: string | undefined;
  if (memo !== undefined) {
    const json = JSON.stringify(schema);
    // Placeholders are restored to the original keys, so the expression never depends on `names.keys`.
    key = json.includes('"$ref"') ? `${names.typeName}\n${json}` : `\n${json}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
  }
  const raw = await compile(toJstt(schema, names), JSTT_NAME, JSTT_OPTIONS);
  const declaration = new RegExp(`^export (?:interface ${JSTT_NAME} (?=\\{)|type ${JSTT_NAME} = )`).exec(raw);
  if (declaration === null) throw new Error('jstt printed something other than one declaration');
  const type = printBody(raw.slice(declaration[0].length).trimEnd(), names.keys);
  if (memo !== undefined && key !== undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, type);
  }
  return type;
}
