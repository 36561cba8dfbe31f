export type {
  CallbackName,
  CallbackRequest,
  CallbackResponse,
  CallbackTypes,
} from '../../../../generated/callbacks/index.js';
export {
  type CallbackDefinitionData,
  callbackNames,
  callbacks,
  definitions,
} from '../../../../generated/callbacks/index.js';
export type {
  CallbackDefinitionEntry,
  CallbackRegistry,
  RegistryRequest,
  RegistryResponse,
} from './types.js';
