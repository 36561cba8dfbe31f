// PLACEHOLDER written by hand to fix the contract; `pnpm generate` replaces it.
import * as z from 'zod';

/** Request for update_cart_shipping (shape not published: any JSON object). */
export interface UpdateCartShippingRequest {
  [k: string]: unknown;
}

export type UpdateCartShippingResponse =
  | { [k: string]: unknown }
  | {
      shipping_options: {
        shipping_total: number | string;
        shipping_title?: string;
        shipping_code?: string;
        shipping_delivery_time_estimate?: string;
        [k: string]: unknown;
      }[];
      [k: string]: unknown;
    };

export const updateCartShippingRequestSchema: z.ZodType<UpdateCartShippingRequest> = z.looseObject({});

export const updateCartShippingResponseSchema: z.ZodType<UpdateCartShippingResponse> = z.union([
  z.looseObject({}).refine((value) => Object.keys(value).length <= 0),
  z.looseObject({
    shipping_options: z.array(
      z.looseObject({
        shipping_total: z.union([z.number(), z.string()]),
        shipping_title: z.exactOptional(z.string()),
        shipping_code: z.exactOptional(z.string()),
        shipping_delivery_time_estimate: z.exactOptional(z.string()),
      }),
    ),
  }),
]);
