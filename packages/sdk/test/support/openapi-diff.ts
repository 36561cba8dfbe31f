// Compares two OpenAPI documents: every shared path, method, parameter, request field and response field must
// agree in name, type and requiredness. Used by the conformance tests against Fluid's published documents.

import { isRecord } from '../../src/is-record.js';

type Schema = Record<string, unknown>;
/** A parsed OpenAPI document. */
export type Doc = Record<string, unknown>;

function resolve(doc: Doc, value: unknown): Schema {
  let current = value;
  for (let depth = 0; isRecord(current) && typeof current.$ref === 'string' && depth < 20; depth += 1) {
    const ref: string = current.$ref;
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), doc);
  }
  return isRecord(current) ? current : {};
}

function types(doc: Doc, raw: unknown): string[] {
  const schema = resolve(doc, raw);
  const found = new Set<string>();
  const type = schema.type;
  if (typeof type === 'string') found.add(type);
  if (Array.isArray(type)) for (const t of type) found.add(String(t));
  for (const member of [
    ...(Array.isArray(schema.anyOf) ? schema.anyOf : []),
    ...(Array.isArray(schema.oneOf) ? schema.oneOf : []),
  ]) {
    for (const t of types(doc, member)) found.add(t);
  }
  if (isRecord(schema.not) && schema.not.type === 'null') found.add('not-null');
  if (Array.isArray(schema.enum) && found.has('string')) {
    found.delete('string');
    found.add(`string enum ${schema.enum.join(',')}`);
  }
  return [...found].sort();
}

function objectPart(doc: Doc, raw: unknown): Schema | undefined {
  const schema = resolve(doc, raw);
  if (isRecord(schema.properties)) return schema;
  for (const member of Array.isArray(schema.anyOf) ? schema.anyOf : []) {
    const part = objectPart(doc, member);
    if (part !== undefined) return part;
  }
  return undefined;
}

interface Side {
  readonly doc: Doc;
  readonly schema: unknown;
}

function compareSchemas(ours: Side, fluid: Side, at: string, out: string[]): void {
  const a = types(ours.doc, ours.schema);
  const b = types(fluid.doc, fluid.schema);
  // An unconstrained schema on either side (our JsonValue) agrees with anything.
  if (a.length > 0 && b.length > 0 && a.join() !== b.join()) out.push(`${at}: type ours=[${a}] fluid=[${b}]`);
  const objectA = objectPart(ours.doc, ours.schema);
  const objectB = objectPart(fluid.doc, fluid.schema);
  if (objectA !== undefined && objectB !== undefined) {
    const propsA = objectA.properties as Record<string, unknown>;
    const propsB = objectB.properties as Record<string, unknown>;
    const requiredA = new Set(Array.isArray(objectA.required) ? objectA.required : []);
    const requiredB = new Set(Array.isArray(objectB.required) ? objectB.required : []);
    for (const key of new Set([...Object.keys(propsA), ...Object.keys(propsB)])) {
      const where = `${at}/${key}`;
      if (!(key in propsB)) out.push(`${where}: only in ours`);
      else if (!(key in propsA)) out.push(`${where}: only in Fluid's`);
      else {
        // Fluid's response schemas mark almost nothing required; ours mark what Fluid always sends. Only a
        // field Fluid requires that we do not is a conflict.
        if (requiredB.has(key) && !requiredA.has(key)) out.push(`${where}: required ours=false fluid=true`);
        compareSchemas(
          { doc: ours.doc, schema: propsA[key] },
          { doc: fluid.doc, schema: propsB[key] },
          where,
          out,
        );
      }
    }
  }
  const itemsA = resolve(ours.doc, ours.schema).items;
  const itemsB = resolve(fluid.doc, fluid.schema).items;
  if (itemsA !== undefined && itemsB !== undefined) {
    compareSchemas({ doc: ours.doc, schema: itemsA }, { doc: fluid.doc, schema: itemsB }, `${at}[]`, out);
  }
}

interface Param {
  readonly schema: unknown;
  readonly required: boolean;
}

function parameters(
  doc: Doc,
  pathItem: Schema,
  operation: Schema,
  label: string,
  out: string[] | undefined,
): Map<string, Param> {
  const params = new Map<string, Param>();
  const all = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ];
  for (const raw of all) {
    const param = resolve(doc, raw);
    const name = String(param.name);
    const schema = resolve(doc, param.schema);
    if (param.in === 'query' && isRecord(schema.properties)) {
      out?.push(`${label} params: object param \`${name}\` is sent as flat query params`);
      const required = new Set(Array.isArray(schema.required) ? schema.required : []);
      for (const [key, value] of Object.entries(schema.properties))
        params.set(`query ${key}`, { schema: value, required: required.has(key) });
    } else {
      params.set(`${String(param.in)} ${name}`, { schema: param.schema, required: param.required === true });
    }
  }
  return params;
}

function bodySchema(doc: Doc, holder: unknown): { schema: unknown; required: boolean } | undefined {
  const resolved = resolve(doc, holder);
  const content = resolved.content;
  if (!isRecord(content) || !isRecord(content['application/json'])) return undefined;
  return { schema: content['application/json'].schema, required: resolved.required === true };
}

const METHODS = ['get', 'put', 'post', 'delete'] as const;

/** Every difference between our document and Fluid's on the paths both describe, one line each. */
export function differences(ours: Doc, fluid: Doc): string[] {
  const out: string[] = [];
  const pathsA = ours.paths as Record<string, Schema>;
  const pathsB = fluid.paths as Record<string, Schema>;
  for (const [path, itemA] of Object.entries(pathsA)) {
    const itemB = pathsB[path];
    if (itemB === undefined) continue;
    for (const method of METHODS) {
      const opA = itemA[method];
      const opB = itemB[method];
      if (!isRecord(opA) || !isRecord(opB)) {
        if (isRecord(opA) !== isRecord(opB))
          out.push(`${method.toUpperCase()} ${path}: only in ${isRecord(opA) ? 'ours' : "Fluid's"}`);
        continue;
      }
      const label = `${method.toUpperCase()} ${path}`;
      const paramsA = parameters(ours, itemA, opA, label, undefined);
      const paramsB = parameters(fluid, itemB, opB, label, out);
      for (const key of new Set([...paramsA.keys(), ...paramsB.keys()])) {
        const a = paramsA.get(key);
        const b = paramsB.get(key);
        const name = key.split(' ')[1];
        if (a === undefined || b === undefined) {
          out.push(`${label} params ${name}: only in ${a === undefined ? "Fluid's" : 'ours'}`);
          continue;
        }
        if (a.required !== b.required)
          out.push(`${label} params ${name}: required ours=${a.required} fluid=${b.required}`);
        compareSchemas(
          { doc: ours, schema: a.schema },
          { doc: fluid, schema: b.schema },
          `${label} params ${name}`,
          out,
        );
      }
      const bodyA = bodySchema(ours, opA.requestBody);
      const bodyB = bodySchema(fluid, opB.requestBody);
      if (bodyA !== undefined && bodyB !== undefined) {
        if (bodyA.required !== bodyB.required)
          out.push(`${label} request: required ours=${bodyA.required} fluid=${bodyB.required}`);
        compareSchemas(
          { doc: ours, schema: bodyA.schema },
          { doc: fluid, schema: bodyB.schema },
          `${label} request `,
          out,
        );
        // Request bodies: requiredness must agree both ways, since it is what the caller must send.
        const objectA = objectPart(ours, bodyA.schema);
        const objectB = objectPart(fluid, bodyB.schema);
        for (const [key, value] of Object.entries((objectA?.properties ?? {}) as Record<string, unknown>)) {
          const reqA = Array.isArray(objectA?.required) && objectA.required.includes(key);
          const reqB = Array.isArray(objectB?.required) && objectB.required.includes(key);
          if (reqA && !reqB) out.push(`${label} request /${key}: required ours=true fluid=false`);
          const innerA = objectPart(ours, value);
          const innerB = objectPart(
            fluid,
            (objectB?.properties as Record<string, unknown> | undefined)?.[key],
          );
          for (const inner of Object.keys((innerA?.properties ?? {}) as object)) {
            const a = Array.isArray(innerA?.required) && innerA.required.includes(inner);
            const b = Array.isArray(innerB?.required) && innerB.required.includes(inner);
            if (a && !b && innerB !== undefined && inner in ((innerB.properties ?? {}) as object)) {
              out.push(`${label} request /${key}/${inner}: required ours=true fluid=false`);
            }
          }
        }
      }
      const responsesA = (opA.responses ?? {}) as Record<string, unknown>;
      const responsesB = (opB.responses ?? {}) as Record<string, unknown>;
      for (const status of Object.keys(responsesA)) {
        if (!(status in responsesB)) continue;
        const a = bodySchema(ours, responsesA[status]);
        const b = bodySchema(fluid, responsesB[status]);
        if (a !== undefined && b !== undefined) {
          compareSchemas(
            { doc: ours, schema: a.schema },
            { doc: fluid, schema: b.schema },
            `${label} ${status} `,
            out,
          );
        }
      }
    }
  }
  return out;
}
