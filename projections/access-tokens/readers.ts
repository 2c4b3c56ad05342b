import type Database from 'better-sqlite3';
import type { AccessGrant, TokenLookup } from '../../src/application/access.js';
import type { Role } from '../../src/domain/access/events.js';
import type { Raw } from '../sql.js';

export interface AccessTokenRow {
  id: string;
  role: Role;
  regencyCode: string | null;
  label: string | null;
  issuedAt: string;
  revoked: boolean;
  revokedAt: string | null;
}

const COLUMNS = `token_id AS id, role, regency_code AS regencyCode, label,
  issued_at AS issuedAt, revoked, revoked_at AS revokedAt`;

const toRow = (row: Raw) => ({ ...row, revoked: row.revoked === 1 }) as AccessTokenRow;

/** Reads of the `access_tokens` table: requests are authenticated against it. */
export class AccessTokenReaders implements TokenLookup {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      byHash: db.prepare(
        `SELECT token_id AS tokenId, role, regency_code AS regencyCode, revoked
         FROM access_tokens WHERE token_hash = ?`,
      ),
      activeAdmin: db.prepare(
        `SELECT 1 FROM access_tokens WHERE role = 'ADMIN' AND revoked = 0 LIMIT 1`,
      ),
      token: db.prepare(`SELECT ${COLUMNS} FROM access_tokens WHERE token_id = ?`),
      tokens: db.prepare(`SELECT ${COLUMNS} FROM access_tokens ORDER BY issued_at, token_id`),
    };
  }

  grantByHash(tokenHash: string): AccessGrant | undefined {
    const row = this.stmt.byHash.get(tokenHash) as
      | { tokenId: string; role: Role; regencyCode: string | null; revoked: number }
      | undefined;
    return row && { ...row, revoked: row.revoked === 1 };
  }

  hasActiveAdmin(): boolean {
    return this.stmt.activeAdmin.get() !== undefined;
  }

  accessToken(tokenId: string): AccessTokenRow | undefined {
    const row = this.stmt.token.get(tokenId) as Raw | undefined;
    return row && toRow(row);
  }

  accessTokens(): AccessTokenRow[] {
    return (this.stmt.tokens.all() as Raw[]).map(toRow);
  }
}
