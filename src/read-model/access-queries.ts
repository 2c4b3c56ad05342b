import type Database from 'better-sqlite3';
import type { AccessGrant, TokenLookup } from '../application/access.js';
import type { IdempotencyLookup, IdempotencyRecord } from '../application/idempotency.js';
import type { Role } from '../domain/access/events.js';
import type { MilestoneDetails } from '../domain/adoption/details.js';
import type { Verification } from '../domain/adoption/events.js';

export interface AccessTokenRow {
  id: string;
  role: Role;
  regencyCode: string | null;
  label: string | null;
  issuedAt: string;
  revoked: boolean;
  revokedAt: string | null;
}

export interface MilestoneReviewRow {
  details: MilestoneDetails | null;
  verification: Verification;
  verifiedAt: string | null;
  verifiedBy: string | null;
  verificationNote: string | null;
}

const TOKEN_COLUMNS = `token_id AS id, role, regency_code AS regencyCode, label,
  issued_at AS issuedAt, revoked, revoked_at AS revokedAt`;

/**
 * Read-only queries for issue 4's tables: access tokens (authentication), used idempotency keys,
 * and each milestone's details and verification.
 */
export class AccessQueries implements TokenLookup, IdempotencyLookup {
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
      token: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM access_tokens WHERE token_id = ?`),
      tokens: db.prepare(`SELECT ${TOKEN_COLUMNS} FROM access_tokens ORDER BY issued_at, token_id`),
      idempotency: db
        .prepare(
          `SELECT mutation, request_hash AS requestHash, result, position
           FROM idempotency_keys WHERE scope = ?`,
        )
        .safeIntegers(true),
      review: db.prepare(
        `SELECT details, verification, verified_at AS verifiedAt, verified_by AS verifiedBy,
           verification_note AS verificationNote FROM milestones WHERE id = ?`,
      ),
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
    const row = this.stmt.token.get(tokenId) as Record<string, unknown> | undefined;
    return row && ({ ...row, revoked: row.revoked === 1 } as AccessTokenRow);
  }

  accessTokens(): AccessTokenRow[] {
    return (this.stmt.tokens.all() as Array<Record<string, unknown>>).map(
      (row) => ({ ...row, revoked: row.revoked === 1 }) as AccessTokenRow,
    );
  }

  idempotencyRecord(scope: string): IdempotencyRecord | undefined {
    const row = this.stmt.idempotency.get(scope) as
      | { mutation: string; requestHash: string; result: string; position: bigint }
      | undefined;
    return row && { ...row, result: JSON.parse(row.result) };
  }

  milestoneReview(milestoneId: string): MilestoneReviewRow | undefined {
    const row = this.stmt.review.get(milestoneId) as
      | (Omit<MilestoneReviewRow, 'details'> & { details: string | null })
      | undefined;
    return row && { ...row, details: row.details ? JSON.parse(row.details) : null };
  }
}
