import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type AddFormats = (ajv: Ajv | Ajv2020) => void;
const addFormats = ('default' in addFormatsModule
  ? addFormatsModule.default
  : addFormatsModule) as unknown as AddFormats;

/** Compiles a schema with ajv (2020-12, or draft-07 when asked) plus ajv-formats: the reference validator. */
export function compile(
  schema: unknown,
  draft: '2020-12' | 'draft-07' = '2020-12',
): (value: unknown) => boolean {
  const ajv =
    draft === '2020-12'
      ? new Ajv2020({ strict: false, logger: false })
      : new Ajv({ strict: false, logger: false });
  addFormats(ajv);
  const validate = ajv.compile(schema as object);
  return (value) => validate(value) === true;
}
