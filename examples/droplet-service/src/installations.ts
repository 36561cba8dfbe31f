import { createHash } from 'node:crypto';
import type { Registration } from './fluid-api.js';

/** What the service keeps per installed company. */
export interface Installation {
  readonly installationUuid: string;
  readonly shop: string;
  readonly companyId: number;
  readonly authenticationToken: string;
  readonly webhookVerificationToken: string;
  readonly registrations: readonly Registration[];
}

/**
 * In-memory installation records. Callback tokens are indexed by their SHA-256 digest, so a lookup never
 * compares secrets with `===` and a dump of the index does not reveal them.
 */
export class InstallationStore {
  readonly #byUuid = new Map<string, Installation>();
  readonly #callbackKeys = new Map<string, { definitionName: string; token: string }>();

  save(installation: Installation): void {
    this.remove(installation.installationUuid);
    this.#byUuid.set(installation.installationUuid, installation);
    for (const registration of installation.registrations) {
      this.#callbackKeys.set(digest(registration.verificationToken), {
        definitionName: registration.definitionName,
        token: registration.verificationToken,
      });
    }
  }

  remove(installationUuid: string): boolean {
    const existing = this.#byUuid.get(installationUuid);
    if (existing === undefined) return false;
    for (const registration of existing.registrations)
      this.#callbackKeys.delete(digest(registration.verificationToken));
    return this.#byUuid.delete(installationUuid);
  }

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
