import {
  canonicalShop,
  checkInstallationRecord,
  checkKey,
  type InstallationStore,
  openInstallation,
  type SealedInstallation,
  type SecretBox,
  sealInstallation,
} from '@fluid-droplet/sdk/stores';
import { nullableTextColumn, type SchemaSql, textColumn } from './sql.js';

const COLUMNS =
  'installation_uuid, shop, company_id, droplet_uuid, active, authentication_token, webhook_keys';

function toSealed(row: Record<string, unknown>): SealedInstallation {
  return {
    installationUuid: textColumn(row, 'installation_uuid'),
    shop: textColumn(row, 'shop'),
    companyId: textColumn(row, 'company_id'),
    dropletUuid: textColumn(row, 'droplet_uuid'),
    active: row.active === true,
    authenticationToken: nullableTextColumn(row, 'authentication_token'),
    webhookKeys: nullableTextColumn(row, 'webhook_keys'),
  };
}

/** The {@link InstallationStore} on PostgreSQL, plus re-sealing for key rotation. */
export interface PostgresInstallations extends InstallationStore {
  /** Re-encrypts every secret sealed under an older key with the first key; resolves to how many rows changed. */
  reencrypt(): Promise<number>;
}

/** The {@link InstallationStore} on PostgreSQL; the secrets are sealed before they leave the process. */
export function postgresInstallations(sql: SchemaSql, box: SecretBox): PostgresInstallations {
  const table = sql.table('installations');
  const sequence = `nextval('"${sql.schema}".installations_saved_seq')`;
  const write = async (operation: string, row: SealedInstallation) => {
    await sql.rows(
      operation,
      `INSERT INTO ${table} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (installation_uuid) DO UPDATE SET shop = EXCLUDED.shop, company_id = EXCLUDED.company_id,
         droplet_uuid = EXCLUDED.droplet_uuid, active = EXCLUDED.active,
         authentication_token = EXCLUDED.authentication_token, webhook_keys = EXCLUDED.webhook_keys,
         saved_seq = ${sequence}, updated_at = now()`,
      [
        row.installationUuid,
        row.shop,
        row.companyId,
        row.dropletUuid,
        row.active,
        row.authenticationToken,
        row.webhookKeys,
      ],
    );
  };
  return {
    async save(record) {
      await write(
        'installations.save',
        sealInstallation(checkInstallationRecord(record, 'installations.save'), box),
      );
    },
    async get(installationUuid) {
      const rows = await sql.rows(
        'installations.get',
        `SELECT ${COLUMNS} FROM ${table} WHERE installation_uuid = $1`,
        [checkKey(installationUuid, 'installationUuid', 'installations.get')],
      );
      return rows[0] === undefined ? null : openInstallation(toSealed(rows[0]), box);
    },
    async byShop(shop) {
      const rows = await sql.rows(
        'installations.byShop',
        `SELECT ${COLUMNS} FROM ${table} WHERE shop = $1 AND active ORDER BY saved_seq DESC LIMIT 1`,
        [canonicalShop(checkKey(shop, 'shop', 'installations.byShop'))],
      );
      return rows[0] === undefined ? null : openInstallation(toSealed(rows[0]), box);
    },
    async deactivate(installationUuid) {
      const rows = await sql.rows(
        'installations.deactivate',
        `UPDATE ${table} SET active = false, authentication_token = NULL, webhook_keys = NULL,
           saved_seq = ${sequence}, updated_at = now()
         WHERE installation_uuid = $1 RETURNING 1`,
        [checkKey(installationUuid, 'installationUuid', 'installations.deactivate')],
      );
      return rows.length > 0;
    },
    async list() {
      const rows = await sql.rows(
        'installations.list',
        `SELECT ${COLUMNS} FROM ${table} ORDER BY installation_uuid COLLATE "C"`,
      );
      return rows.map((row) => openInstallation(toSealed(row), box));
    },
    async reencrypt() {
      const rows = await sql.rows('installations.reencrypt', `SELECT ${COLUMNS} FROM ${table}`);
      let changed = 0;
      for (const row of rows.map(toSealed)) {
        const stale = [row.authenticationToken, row.webhookKeys].some(
          (value) => value !== null && box.isStale(value),
        );
        if (!stale) continue;
        const resealed = sealInstallation(openInstallation(row, box), box);
        // Only if nobody saved the row meanwhile: a concurrent save already sealed it with the current key.
        const updated = await sql.rows(
          'installations.reencrypt',
          `UPDATE ${table} SET authentication_token = $2, webhook_keys = $3
           WHERE installation_uuid = $1 AND authentication_token IS NOT DISTINCT FROM $4
             AND webhook_keys IS NOT DISTINCT FROM $5
           RETURNING 1`,
          [
            row.installationUuid,
            resealed.authenticationToken,
            resealed.webhookKeys,
            row.authenticationToken,
            row.webhookKeys,
          ],
        );
        changed += updated.length;
      }
      return changed;
    },
  };
}
