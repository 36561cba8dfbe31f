import {
  type CallbackRegistrationRecord,
  checkKey,
  checkRegistrationRecord,
  type RegistrationListFilter,
  type RegistrationStore,
} from '@fluid-droplet/sdk/stores';
import { integerColumn, type SchemaSql, textColumn } from './sql.js';

const COLUMNS = 'uuid, installation_uuid, definition_name, url, token_digest';

function toRecord(row: Record<string, unknown>): CallbackRegistrationRecord {
  return Object.freeze({
    uuid: textColumn(row, 'uuid'),
    installationUuid: textColumn(row, 'installation_uuid'),
    definitionName: textColumn(row, 'definition_name'),
    url: textColumn(row, 'url'),
    tokenDigest: textColumn(row, 'token_digest'),
  });
}

/** The {@link RegistrationStore} on PostgreSQL: the digest lookup is one unique-index probe. */
export function postgresRegistrations(sql: SchemaSql): RegistrationStore {
  const table = sql.table('callback_registrations');
  return {
    async findByTokenDigest(digest) {
      const rows = await sql.rows(
        'registrations.findByTokenDigest',
        `SELECT ${COLUMNS} FROM ${table} WHERE token_digest = $1`,
        [checkKey(digest, 'digest', 'registrations.findByTokenDigest')],
      );
      return rows[0] === undefined ? null : toRecord(rows[0]);
    },
    async upsert(input) {
      const record = checkRegistrationRecord(input, 'registrations.upsert');
      // A token belongs to one registration: another row holding this digest goes in the same statement. The
      // insert reads the delete's count, so the delete runs first and the unique index sees the row as gone.
      await sql.rows(
        'registrations.upsert',
        `WITH displaced AS (DELETE FROM ${table} WHERE token_digest = $5 AND uuid <> $1 RETURNING 1)
         INSERT INTO ${table} (${COLUMNS})
         SELECT $1, $2, $3, $4, $5 FROM (SELECT count(*) FROM displaced) AS gone
         ON CONFLICT (uuid) DO UPDATE SET installation_uuid = EXCLUDED.installation_uuid,
           definition_name = EXCLUDED.definition_name, url = EXCLUDED.url,
           token_digest = EXCLUDED.token_digest, updated_at = now()`,
        [record.uuid, record.installationUuid, record.definitionName, record.url, record.tokenDigest],
      );
    },
    async delete(uuid) {
      const rows = await sql.rows(
        'registrations.delete',
        `DELETE FROM ${table} WHERE uuid = $1 RETURNING 1`,
        [checkKey(uuid, 'uuid', 'registrations.delete')],
      );
      return rows.length > 0;
    },
    async deleteForInstallation(installationUuid) {
      const rows = await sql.rows(
        'registrations.deleteForInstallation',
        `DELETE FROM ${table} WHERE installation_uuid = $1 RETURNING 1`,
        [checkKey(installationUuid, 'installationUuid', 'registrations.deleteForInstallation')],
      );
      return rows.length;
    },
    async list(filter: RegistrationListFilter = {}) {
      const order = 'ORDER BY installation_uuid COLLATE "C", definition_name COLLATE "C", uuid COLLATE "C"';
      const rows =
        filter.installationUuid === undefined
          ? await sql.rows('registrations.list', `SELECT ${COLUMNS} FROM ${table} ${order}`)
          : await sql.rows(
              'registrations.list',
              `SELECT ${COLUMNS} FROM ${table} WHERE installation_uuid = $1 ${order}`,
              [checkKey(filter.installationUuid, 'installationUuid', 'registrations.list')],
            );
      return rows.map(toRecord);
    },
    async count() {
      const rows = await sql.rows('registrations.count', `SELECT count(*)::int AS count FROM ${table}`);
      return rows[0] === undefined ? 0 : integerColumn(rows[0], 'count');
    },
  };
}
