// One definition shape for the generator and the emulator: the emulator serves exactly what fluid-codegen reads.
export type { CallbackDefinition, JsonSchemaInput } from '@fluid-droplet/codegen';
