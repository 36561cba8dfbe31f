/** Who a droplet lifecycle event is about: the installation and its company. */
export interface LifecycleSubject {
  readonly installationUuid: string;
  readonly dropletUuid: string;
  readonly companyId: number;
  readonly shop: string;
  readonly companyName: string;
}

/** How `droplet_installed` hands over credentials: inline (v1) or as a one-time exchange token (v2). */
export type InstallCredentials =
  | {
      readonly version: 'v1';
      readonly authenticationToken: string;
      readonly webhookVerificationToken: string;
    }
  | {
      readonly version: 'v2';
      readonly exchangeToken: string;
      readonly expiresAt: string;
      /** Absolute URL of `POST /api/droplet_installations/exchange`. */
      readonly endpoint: string;
    };

/** The installation versions the emulator can send. */
export const INSTALL_VERSIONS = ['v1', 'v2'] as const;

/**
 * The inner payload fields of a lifecycle event: the `company` block Fluid sends (fluid/API.md §6), with the
 * credentials of `droplet_installed` in the v1 or v2 form; `droplet_uninstalled` carries none.
 *
 * @example
 * lifecyclePayload(subject, { version: 'v2', exchangeToken, expiresAt, endpoint })
 */
export function lifecyclePayload(
  subject: LifecycleSubject,
  credentials?: InstallCredentials,
): Record<string, unknown> {
  const company: Record<string, unknown> = {
    droplet_installation_uuid: subject.installationUuid,
    droplet_uuid: subject.dropletUuid,
    fluid_company_id: subject.companyId,
    fluid_shop: subject.shop,
    name: subject.companyName,
  };
  if (credentials?.version === 'v1') {
    company.authentication_token = credentials.authenticationToken;
    company.webhook_verification_token = credentials.webhookVerificationToken;
    return { schema_version: 1, company };
  }
  if (credentials?.version === 'v2') {
    company.credentials = {
      exchange_token: credentials.exchangeToken,
      exchange_token_expires_at: credentials.expiresAt,
      exchange_endpoint: credentials.endpoint,
    };
  }
  return { schema_version: 1, contract_version: 'v2', company };
}
