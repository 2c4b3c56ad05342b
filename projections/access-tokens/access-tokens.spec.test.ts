import { describe, it } from 'vitest';
import { projectionSpec, recordedAt } from '../spec.js';
import { accessTokensProjection } from './projection.js';

const spec = projectionSpec(accessTokensProjection);
const TOKEN = '0190f000-0000-7000-8000-00000000000a';
const issued = {
  type: 'AccessTokenIssued' as const,
  data: { tokenId: TOKEN, role: 'REGENCY', regencyCode: '16.04', tokenHash: 'a'.repeat(64) },
  metadata: { actor: 'token:admin' },
};

describe('access-tokens projection', () => {
  it('given nothing, when a token is issued, then its hash finds the grant', () => {
    spec
      .given([])
      .when([issued])
      .thenRows('access_tokens', [
        {
          token_id: TOKEN,
          token_hash: 'a'.repeat(64),
          role: 'REGENCY',
          regency_code: '16.04',
          issued_by: 'token:admin',
          revoked: 0,
        },
      ]);
  });

  it('given an issued token, when it is revoked, then the grant is revoked, by whom and why', () => {
    spec
      .given([issued])
      .when([
        {
          type: 'AccessTokenRevoked',
          data: { tokenId: TOKEN, reason: 'lost' },
          metadata: { actor: 'token:admin' },
        },
      ])
      .thenRows('access_tokens', [
        {
          token_id: TOKEN,
          revoked: 1,
          revoked_at: recordedAt(2),
          revoked_by: 'token:admin',
          revocation_reason: 'lost',
        },
      ]);
  });
});
