export type {
  CallbackName,
  CallbackRequest,
  CallbackResponse,
  CallbackTypes,
} from '../../../../generated/callbacks/index.js';
export { callbackNames, callbacks } from '../../../../generated/callbacks/index.js';
export { type CallbackDefinitionData, definitions } from '../../../../generated/callbacks/index.js';
export type { CallbackDefinitionEntry, CallbackRegistry, RegistryRequest, RegistryResponse } from './types.js';
