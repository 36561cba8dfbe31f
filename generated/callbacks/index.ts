// PLACEHOLDER written by hand to fix the contract; `pnpm generate` replaces it.
import {
  type TestCallbackSystemRequest,
  type TestCallbackSystemResponse,
  testCallbackSystemRequestSchema,
  testCallbackSystemResponseSchema,
} from './test-callback-system.js';
import {
  type UpdateCartShippingRequest,
  type UpdateCartShippingResponse,
  updateCartShippingRequestSchema,
  updateCartShippingResponseSchema,
} from './update-cart-shipping.js';

export type {
  TestCallbackSystemRequest,
  TestCallbackSystemResponse,
  UpdateCartShippingRequest,
  UpdateCartShippingResponse,
};
export {
  testCallbackSystemRequestSchema,
  testCallbackSystemResponseSchema,
  updateCartShippingRequestSchema,
  updateCartShippingResponseSchema,
};

/** Every known callback definition: name, description, request and response validators, example. */
export const callbacks = {
  test_callback_system: {
    name: 'test_callback_system',
    description: 'Test callback system',
    request: testCallbackSystemRequestSchema,
    response: testCallbackSystemResponseSchema,
    example: { message: 'Hello, world!' },
  },
  update_cart_shipping: {
    name: 'update_cart_shipping',
    description: 'Shipping options for a cart',
    request: updateCartShippingRequestSchema,
    response: updateCartShippingResponseSchema,
    example: null,
  },
} as const;

/** The name of a known callback definition. */
export type CallbackName = keyof typeof callbacks;

/** Request and response types of every known callback definition. */
export interface CallbackTypes {
  test_callback_system: { request: TestCallbackSystemRequest; response: TestCallbackSystemResponse };
  update_cart_shipping: { request: UpdateCartShippingRequest; response: UpdateCartShippingResponse };
}

/** The request body Fluid sends for callback `N`. */
export type CallbackRequest<N extends CallbackName> = CallbackTypes[N]['request'];

/** The response body a service returns for callback `N`. */
export type CallbackResponse<N extends CallbackName> = CallbackTypes[N]['response'];

/** Every known callback definition name, sorted. */
export const callbackNames: readonly CallbackName[] = ['test_callback_system', 'update_cart_shipping'];
