import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../domain/access/events.js';
import { DomainError } from '../domain/shared/errors.js';

/** Tokens look like `rpk_<43 base64url characters>`: 32 random bytes with a readable prefix. */
export const TOKEN_PREFIX = 'rpk_';

export const generateToken = (): string =>
  `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/** Tokens are stored and looked up only as their SHA-256 digest. */
export const hashToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

/** A stable UUID (version 8, RFC 9562) derived from its parts: the same parts, the same id. */
export function deterministicUuid(...parts: string[]): string {
  const bytes = createHash('sha256').update(parts.join('\u001f'), 'utf8').digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A grant as the read model keeps it, found by the token's hash. */
export interface AccessGrant {
  tokenId: string;
  role: Role;
  regencyCode: string | null;
  revoked: boolean;
}

export interface TokenLookup {
  grantByHash(tokenHash: string): AccessGrant | undefined;
  hasActiveAdmin(): boolean;
}

/** Who is acting. `role` is absent for an unauthenticated caller. */
export interface Principal {
  id: string;
  role?: Role;
  /** The regency a REGENCY token speaks for. */
  regencyCode?: string;
  /** Why authentication failed, when a token was sent but not accepted. */
  authFailure?: string;
}

/** Resolves `Authorization: Bearer <token>` to the acting principal. */
export function authenticate(header: string | null | undefined, tokens: TokenLookup): Principal {
  if (!header) return { id: 'anonymous' };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1])
    return { id: 'anonymous', authFailure: 'the Authorization header must be "Bearer <token>"' };
  const grant = tokens.grantByHash(hashToken(match[1]));
  if (!grant) return { id: 'anonymous', authFailure: 'the access token is not known' };
  if (grant.revoked) return { id: 'anonymous', authFailure: 'the access token is revoked' };
  return {
    id: `token:${grant.tokenId}`,
    role: grant.role,
    ...(grant.regencyCode ? { regencyCode: grant.regencyCode } : {}),
  };
}

/** Refuses a caller without a valid token, or whose role may not do `action`. */
export function requireRole(actor: Principal, roles: readonly Role[], action: string): Role {
  if (!actor.role)
    throw new DomainError(
      'UNAUTHENTICATED',
      `${action} needs an access token (Authorization: Bearer <token>)${
        actor.authFailure ? `: ${actor.authFailure}` : ''
      }`,
    );
  if (!roles.includes(actor.role))
    throw new DomainError(
      'FORBIDDEN',
      `${action} needs ${roles.map((r, i) => (i === 0 ? withArticle(r) : r)).join(' or ')} token; this one is ${withArticle(actor.role)} token`,
    );
  return actor.role;
}

/** A REGENCY token speaks only for its own regency; ADMIN for every one. */
export function requireSpeaksFor(actor: Principal, regencyCode: string, field: string): void {
  if (actor.role === 'ADMIN') return;
  if (actor.role === 'REGENCY' && actor.regencyCode === regencyCode) return;
  throw new DomainError(
    'FORBIDDEN',
    actor.role === 'REGENCY'
      ? `this token speaks for regency ${actor.regencyCode}, not for ${regencyCode}`
      : `a ${actor.role} token cannot report for regency ${regencyCode}`,
    field,
  );
}

/** "an ADMIN", "an ANALYST", "a REGENCY": the article as the role is spoken. */
const withArticle = (role: Role) => `${/^[AEIOU]/.test(role) ? 'an' : 'a'} ${role}`;

/** Only the ministry (ADMIN) may say when it originally learned of a report (`knownOn`). */
export function requireAdminForKnownOn(actor: Principal, knownOn: string | undefined): void {
  if (knownOn === undefined || actor.role === 'ADMIN') return;
  throw new DomainError(
    'FORBIDDEN',
    'only the ministry (an ADMIN token, e.g. an import) can say when it originally learned of a report',
    'knownOn',
  );
}
