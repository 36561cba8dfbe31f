/** Base class of every error the emulator throws, so callers can catch them as one family. */
export class EmulatorError extends Error {
  override readonly name: string = 'EmulatorError';
}

/** A callback definition file or list could not be read or is not a definition. */
export class DefinitionLoadError extends EmulatorError {
  override readonly name = 'DefinitionLoadError';
  /** The file that failed, when loading from disk. */
  readonly file: string | undefined;
  /** JSON pointer to the offending value inside the file, when known. */
  readonly pointer: string | undefined;

  constructor(message: string, context: { file?: string; pointer?: string; cause?: unknown } = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.file = context.file;
    this.pointer = context.pointer;
  }
}

/** A trigger or fuzz run named a callback definition the emulator does not know. */
export class UnknownDefinitionError extends EmulatorError {
  override readonly name = 'UnknownDefinitionError';
  readonly definitionName: string;

  constructor(definitionName: string) {
    super(`unknown callback definition "${definitionName}"`);
    this.definitionName = definitionName;
  }
}

/** A callback trigger found no active registration to call. */
export class NoRegistrationError extends EmulatorError {
  override readonly name = 'NoRegistrationError';
  readonly definitionName: string;
  /** The dispatch country, when one was given. */
  readonly country: string | undefined;

  constructor(definitionName: string, country?: string) {
    super(
      country === undefined
        ? `no active callback registration for "${definitionName}" with empty country_codes (pass a country to reach country-scoped ones)`
        : `no active callback registration for "${definitionName}" that covers country ${country}`,
    );
    this.definitionName = definitionName;
    this.country = country;
  }
}

/** The data file given for persistence exists but cannot be used. */
export class DataFileError extends EmulatorError {
  override readonly name = 'DataFileError';
  readonly file: string;

  constructor(message: string, file: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.file = file;
  }
}

const ERROR_NAMES = new Set([
  'EmulatorError',
  'DefinitionLoadError',
  'UnknownDefinitionError',
  'UnknownEventError',
  'NoRegistrationError',
  'DataFileError',
  'UnknownInstallationError',
  'SamplingError',
  'UnknownShopError',
  'NoInstallationError',
  'PortInUseError',
  'ListenError',
]);

/** Narrows an unknown value to an {@link EmulatorError} by name, which also works across bundle copies. */
export function isEmulatorError(value: unknown): value is EmulatorError {
  return value instanceof Error && ERROR_NAMES.has(value.name);
}

/** A webhook trigger named an event that is not in the emulator's topic catalog. */
export class UnknownEventError extends EmulatorError {
  override readonly name = 'UnknownEventError';
  readonly event: string;

  constructor(event: string) {
    super(`unknown webhook event "${event}" (expected <resource>_<event>, e.g. order_created)`);
    this.event = event;
  }
}

/** An uninstall named an installation the emulator does not have. */
export class UnknownInstallationError extends EmulatorError {
  override readonly name = 'UnknownInstallationError';
  readonly installation: string;

  constructor(installation: string) {
    super(`unknown droplet installation "${installation}"`);
    this.installation = installation;
  }
}

/** No schema-valid request could be sampled for a definition (its `request_schema` may be unsatisfiable). */
export class SamplingError extends EmulatorError {
  override readonly name = 'SamplingError';
  readonly definitionName: string;

  constructor(definitionName: string) {
    super(`could not sample a request that satisfies the request_schema of "${definitionName}"`);
    this.definitionName = definitionName;
  }
}

/** A trigger named a shop (`X-Fluid-Shop`) no company of the emulator has. */
export class UnknownShopError extends EmulatorError {
  override readonly name = 'UnknownShopError';
  readonly shop: string;

  constructor(shop: string) {
    super(`unknown shop "${shop}" (install the droplet for it first)`);
    this.shop = shop;
  }
}

/** A droplet lifecycle event was triggered for a company that has no active installation to describe. */
export class NoInstallationError extends EmulatorError {
  override readonly name = 'NoInstallationError';
  readonly shop: string;

  constructor(shop: string) {
    super(`no active droplet installation in shop "${shop}" (install the droplet first)`);
    this.shop = shop;
  }
}

/** The emulator could not listen on the host and port it was given (no such local address, no permission). */
export class ListenError extends EmulatorError {
  override readonly name: string = 'ListenError';
  readonly port: number;
  readonly host: string;

  constructor(host: string, port: number, cause: NodeJS.ErrnoException) {
    const reason =
      cause.code === 'EACCES'
        ? 'permission denied (ports below 1024 need privileges)'
        : cause.code === 'EADDRNOTAVAIL' || cause.code === 'ENOTFOUND'
          ? `${host} is not an address of this machine`
          : (cause.code ?? cause.message);
    super(`cannot listen on ${host}:${port}: ${reason}`, { cause });
    this.port = port;
    this.host = host;
  }
}

/** The emulator could not listen because something else already does on that port. */
export class PortInUseError extends EmulatorError {
  override readonly name = 'PortInUseError';
  readonly port: number;
  readonly host: string;

  constructor(host: string, port: number, cause?: unknown) {
    super(`port ${port} on ${host} is already in use; stop what runs there or pick another port (--port)`, {
      cause,
    });
    this.port = port;
    this.host = host;
  }
}
