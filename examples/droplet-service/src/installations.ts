import { createHash } from 'node:crypto';
import type { CreatedCallbackRegistration } from '@fluid-droplet/sdk/client';
import type { CallbackRegistrationRecord, RegistrationLookup } from '@fluid-droplet/sdk/receive';

/** What the service keeps per installed company. */
export interface Installation {
  readonly installationUuid: string;
  readonly shop: string;
  readonly companyId: number;
  readonly authenticationToken: string;
  /** The company's `wvt_` key; a v1 install may not carry one (its business webhooks are then refused). */
  readonly webhookVerificationToken: string | null;
  /** The callback registrations made for it, each with the `cvt_` token its calls are signed with. */
  readonly registrations: readonly CreatedCallbackRegistration[];
}

/**
 * In-memory installation records. Callback registrations are indexed by their token's SHA-256 digest (the raw token
 * is not kept there), which is the lookup the callback handler makes.
 */
export class InstallationStore implements RegistrationLookup {
  readonly #byUuid = new Map<string, Installation>();
  readonly #registrations = new Map<string, CallbackRegistrationRecord>();

  /** Stores an installation, replacing an earlier one with the same uuid (a reinstall) and its callback tokens. */
  save(installation: Installation): void {
    this.remove(installation.installationUuid);
    this.#byUuid.set(installation.installationUuid, installation);
    for (const registration of installation.registrations) {
      const tokenDigest = digest(registration.verification_token);
      this.#registrations.set(tokenDigest, {
        uuid: registration.uuid,
        installationUuid: installation.installationUuid,
        definitionName: registration.definition_name,
        url: registration.url,
        tokenDigest,
      });
    }
  }

  /** Forgets an installation and its callback tokens; false when it was not known. */
  remove(installationUuid: string): boolean {
    const existing = this.#byUuid.get(installationUuid);
    if (existing === undefined) return false;
    for (const registration of existing.registrations)
      this.#registrations.delete(digest(registration.verification_token));
    return this.#byUuid.delete(installationUuid);
  }

  /** The installation with this `droplet_installation_uuid`. */
  get(installationUuid: string): Installation | undefined {
    return this.#byUuid.get(installationUuid);
  }

  /** The installation for a shop (`acme` and `acme.fluid.app` are the same shop). */
  byShop(shop: string): Installation | undefined {
    const canonical = canonicalShop(shop);
    for (const installation of this.#byUuid.values()) {
      if (canonicalShop(installation.shop) === canonical) return installation;
    }
    return undefined;
  }

  /** The live registration whose `cvt_` token has this digest: the callback handler's `registrations`. */
  async findByTokenDigest(tokenDigest: string): Promise<CallbackRegistrationRecord | null> {
    return this.#registrations.get(tokenDigest) ?? null;
  }

  /** How many installations are live. */
  get size(): number {
    return this.#byUuid.size;
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function canonicalShop(shop: string): string {
  return shop
    .trim()
    .toLowerCase()
    .replace(/\.fluid\.app$/, '');
}
