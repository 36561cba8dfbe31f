import { createHash } from 'node:crypto';
import type { CallbackDefinition } from '../definitions/types.js';
import { notFound } from '../server/api-error.js';
import type { Route } from '../server/router.js';

/** `/api/callback/definitions` and `/api/callback/schemas`: the read-only catalog. */
export const callbackDefinitionRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/api/callback/definitions',
    handle({ state }) {
      return { status: 200, json: { definitions: [...state.definitions.values()].map(summary) } };
    },
  },
  {
    method: 'GET',
    path: '/api/callback/schemas',
    handle({ state }) {
      return { status: 200, json: { schemas: [...state.definitions.values()].map(schemaSummary) } };
    },
  },
  {
    method: 'GET',
    path: '/api/callback/schemas/:name',
    handle({ state, params }) {
      const definition = state.definitions.get(params.name ?? '');
      if (definition === undefined) throw notFound('Callback definition');
      return { status: 200, json: { schema: schemaSummary(definition) } };
    },
  },
];

function summary(definition: CallbackDefinition) {
  return {
    name: definition.name,
    description: definition.description,
    example_response: definition.example_response ?? null,
    request_schema: definition.request_schema,
    response_schema: definition.response_schema,
  };
}

/** `CallbackSchemaSummary`: the definition's schemas with a version and a content hash. */
function schemaSummary(definition: CallbackDefinition) {
  const content = JSON.stringify([definition.request_schema, definition.response_schema]);
  return {
    name: definition.name,
    version: '1',
    schema_hash: createHash('sha256').update(content).digest('hex').slice(0, 16),
    description: definition.description,
    request_schema: definition.request_schema,
    response_schema: definition.response_schema,
  };
}
