import {
  type CallbackReport,
  type Emulator,
  type EmulatorOptions,
  type FuzzReport,
  type InstallOptions,
  type InstallResult,
  startEmulator,
  type Trigger,
  type WebhookTriggerResult,
} from '@fluid-droplet/emulator';
import { describe, expectTypeOf, it } from 'vitest';

describe('@fluid-droplet/emulator public types', () => {
  it('startEmulator takes optional options and resolves to an Emulator', () => {
    expectTypeOf(startEmulator).parameter(0).toEqualTypeOf<EmulatorOptions | undefined>();
    expectTypeOf(startEmulator).returns.resolves.toEqualTypeOf<Emulator>();
    expectTypeOf<Emulator['url']>().toEqualTypeOf<string>();
    expectTypeOf<Emulator['close']>().returns.resolves.toBeVoid();
  });

  it('options are checked', () => {
    expectTypeOf<{ port: 0; seed: 1; tokens: { company: 'C-x' } }>().toMatchTypeOf<EmulatorOptions>();
    // @ts-expect-error ports are numbers
    const wrong: EmulatorOptions = { port: '4010' };
    void wrong;
  });

  it('triggers resolve to reports', () => {
    expectTypeOf<Trigger['callback']>().returns.resolves.toEqualTypeOf<CallbackReport>();
    expectTypeOf<Trigger['webhook']>().returns.resolves.toEqualTypeOf<WebhookTriggerResult>();
    expectTypeOf<CallbackReport['status']>().toEqualTypeOf<number | null>();
    expectTypeOf<CallbackReport['issues'][number]>().toEqualTypeOf<{
      readonly pointer: string;
      readonly message: string;
    }>();
  });

  it('installs take a version and a shop; fuzz resolves to a report of judged cases', () => {
    expectTypeOf<InstallOptions['version']>().toEqualTypeOf<'v1' | 'v2' | undefined>();
    expectTypeOf<Trigger['install']>().returns.resolves.toEqualTypeOf<InstallResult>();
    expectTypeOf<InstallResult['exchangeToken']>().toEqualTypeOf<string | null>();
    expectTypeOf<Trigger['fuzz']>().returns.resolves.toEqualTypeOf<FuzzReport>();
    expectTypeOf<FuzzReport['cases'][number]['verdict']>().toEqualTypeOf<'pass' | 'fail'>();
    expectTypeOf<FuzzReport['cases'][number]['kind']>().toEqualTypeOf<'valid' | 'near_miss'>();
  });
});
