import type { Projection } from '../projection.js';

/**
 * Access tokens by the SHA-256 hash of the secret (the secret itself is stored nowhere): the
 * table requests are authenticated against.
 */
export const accessTokensProjection: Projection = {
  name: 'access-tokens',
  version: 1,
  tables: ['access_tokens'],
  handles: ['AccessTokenIssued', 'AccessTokenRevoked'],
  migrate(db, t) {
    db.exec(`
      CREATE TABLE ${t('access_tokens')} (
        token_id          TEXT PRIMARY KEY,
        token_hash        TEXT NOT NULL UNIQUE,
        role              TEXT NOT NULL,
        regency_code      TEXT,
        label             TEXT,
        issued_at         TEXT NOT NULL,
        issued_by         TEXT,
        revoked           INTEGER NOT NULL DEFAULT 0,
        revoked_at        TEXT,
        revoked_by        TEXT,
        revocation_reason TEXT,
        position          INTEGER NOT NULL
      );
      CREATE INDEX ${t('access_tokens_role')} ON ${t('access_tokens')} (role, revoked);
    `);
  },
  prepare(db, t) {
    const insert = db.prepare(
      `INSERT INTO ${t('access_tokens')} (token_id, token_hash, role, regency_code, label,
         issued_at, issued_by, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const revoke = db.prepare(
      `UPDATE ${t('access_tokens')} SET revoked = 1, revoked_at = ?, revoked_by = ?,
         revocation_reason = ?, position = ? WHERE token_id = ?`,
    );
    return (event) => {
      switch (event.type) {
        case 'AccessTokenIssued': {
          const g = event.data;
          insert.run(
            g.tokenId,
            g.tokenHash,
            g.role,
            g.regencyCode ?? null,
            g.label ?? null,
            event.recordedAt.toISOString(),
            event.metadata.actor ?? null,
            event.position,
          );
          return;
        }
        case 'AccessTokenRevoked':
          revoke.run(
            event.recordedAt.toISOString(),
            event.metadata.actor ?? null,
            event.data.reason ?? null,
            event.position,
            event.data.tokenId,
          );
          return;
      }
    };
  },
};
