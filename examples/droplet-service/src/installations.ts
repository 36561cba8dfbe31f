import { createHash } from 'node:crypto';
import type { CreatedCallbackRegistration } from '@fluid-droplet/sdk/client';

/** What the service keeps per installed company. */
export interface Installation {
  readonly installationUuid: string;
  readonly shop: string;
  readonly companyId: number;
  readonly authenticationToken: string;
  readonly webhookVerificationToken: string;
  /** The callback registrations made for it, each with the `cvt_` token its calls are signed with. */
  readonly registrations: readonly CreatedCallbackRegistration[];
}

/**
 * In-memory installation records. Callback tokens are indexed by their SHA-256 digest, so a lookup never
 * compares secrets with `===` and a dump of the index does not reveal them.
 */
export class InstallationStore {
  readonly #byUuid = new Map<string, Installation>();
  readonly #callbackKeys = new Map<string, { definitionName: string; token: string }>();

  /** Stores an installation, replacing an earlier one with the same uuid (a reinstall) and its callback tokens. */
  save(installation: Installation): void {
    this.remove(installation.installationUuid);
    this.#byUuid.set(installation.installationUuid, installation);
    for (const registration of installation.registrations) {
      this.#callbackKeys.set(digest(registration.verification_token), {
        definitionName: registration.definition_name,
        token: registration.verification_token,
      });
    }
  }

  /** Forgets an installation and its callback tokens; false when it was not known. */
  remove(installationUuid: string): boolean {
    const existing = this.#byUuid.get(installationUuid);
    if (existing === undefined) return false;
    for (const registration of existing.registrations)
      this.#callbackKeys.delete(digest(registration.verification_token));
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

  /** The `cvt_` key for a presented callback token, or null unless a live registration for `definitionName` issued it. */
  callbackKey(token: string, definitionName: string): string | null {
    const found = this.#callbackKeys.get(digest(token));
    return found !== undefined && found.definitionName === definitionName ? found.token : null;
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
