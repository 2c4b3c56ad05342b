import { z } from 'zod';
import { RegencyCode, text } from '../shared/values.js';

/** Who a token speaks for: a regency (only for itself), a ministry analyst, or an admin. */
export const Role = z.enum(['REGENCY', 'ANALYST', 'ADMIN']);
export type Role = z.infer<typeof Role>;

/** A lowercase hex SHA-256 digest: tokens are stored only as their hash. */
export const TokenHash = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { message: 'must be a SHA-256 hex digest' });

export const AccessTokenIssued = z.object({
  tokenId: z.uuid(),
  role: Role,
  /** The regency a REGENCY token speaks for; absent for ANALYST and ADMIN. */
  regencyCode: RegencyCode.optional(),
  tokenHash: TokenHash,
  label: text(200).optional(),
});
export type AccessTokenIssued = z.infer<typeof AccessTokenIssued>;

export const AccessTokenRevoked = z.object({
  tokenId: z.uuid(),
  reason: text(1000).optional(),
});
export type AccessTokenRevoked = z.infer<typeof AccessTokenRevoked>;

export type AccessEvent =
  | { type: 'AccessTokenIssued'; data: AccessTokenIssued }
  | { type: 'AccessTokenRevoked'; data: AccessTokenRevoked };

export const accessEventSchemas = { AccessTokenIssued, AccessTokenRevoked } as const;

export type AccessState =
  | { status: 'none' }
  | { status: 'active' | 'revoked'; role: Role; regencyCode: string | undefined };

export const initialState: AccessState = { status: 'none' };

export function evolve(state: AccessState, event: AccessEvent): AccessState {
  switch (event.type) {
    case 'AccessTokenIssued':
      return { status: 'active', role: event.data.role, regencyCode: event.data.regencyCode };
    case 'AccessTokenRevoked':
      return state.status === 'none' ? state : { ...state, status: 'revoked' };
    default:
      return state;
  }
}

export const accessStream = (tokenId: string) => `access-${tokenId}`;
