import { isRecord } from '../../schema/json.js';
import {
  ANNOTATION_KEYWORDS,
  type JsonSchema,
  type SchemaObject,
  TYPE_KEYWORDS,
} from '../../schema/prepared.js';

// Keywords a branch may hold and still be a plain Zod object option of `z.discriminatedUnion`.
const OBJECT_KEYWORDS: ReadonlySet<string> = new Set(['type', ...TYPE_KEYWORDS.object]);

function isObjectBranch(branch: JsonSchema, parentIsObject: boolean): branch is SchemaObject {
  const typed = isRecord(branch) && Array.isArray(branch.type);
  const object = typed
    ? (branch.type as unknown[]).length === 1 && (branch.type as unknown[])[0] === 'object'
    : parentIsObject &&
      isRecord(branch) &&
      Object.keys(branch).some((keyword) => OBJECT_KEYWORDS.has(keyword));
  return (
    isRecord(branch) &&
    object &&
    Object.keys(branch).every((keyword) => OBJECT_KEYWORDS.has(keyword) || ANNOTATION_KEYWORDS.has(keyword))
  );
}

/** The `const` a branch requires at `key` (a primitive), or `undefined` when it does not pin one. */
function pinnedValue(branch: SchemaObject, key: string): { value: unknown } | undefined {
  const required = Array.isArray(branch.required) && branch.required.includes(key);
  const property = isRecord(branch.properties) ? branch.properties[key] : undefined;
  if (!required || !isRecord(property) || !('const' in property)) return undefined;
  const value = property.const;
  const primitive = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  const onlyConst = Object.keys(property).every(
    (keyword) => keyword === 'const' || keyword === 'type' || ANNOTATION_KEYWORDS.has(keyword),
  );
  return primitive && onlyConst ? { value } : undefined;
}

/**
 * The key on which every `oneOf` branch is an object that requires a distinct primitive `const`, or
 * `undefined`. Then at most one branch can match any value, so `z.discriminatedUnion` is exactly `oneOf`.
 */
export function discriminatorOf(
  branches: readonly JsonSchema[],
  allowed?: readonly string[],
): string | undefined {
  // Branches without `type` under an object-only parent are emitted as objects too (see `Site.allowed`).
  const parentIsObject = allowed?.length === 1 && allowed[0] === 'object';
  const objects = branches.filter((branch) => isObjectBranch(branch, parentIsObject));
  const [first] = objects;
  if (objects.length < 2 || objects.length !== branches.length || first === undefined) return undefined;
  const candidates = isRecord(first.properties) ? Object.keys(first.properties) : [];
  return candidates.find((key) => {
    if (Object.hasOwn(Object.prototype, key)) return false;
    const pinned = objects.map((branch) => pinnedValue(branch, key));
    if (pinned.some((entry) => entry === undefined)) return false;
    return new Set(pinned.map((entry) => entry?.value)).size === branches.length;
  });
}
