import { resolve } from 'node:path';

/** The repository's callback definitions folder (the generator's input). */
export const repoDefinitionsDir = resolve(import.meta.dirname, '../../../definitions/callbacks');
