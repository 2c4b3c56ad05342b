import { describe, it } from 'vitest';
import { given } from '../shared/given.js';
import { accessDecider } from './decide.js';
import type { AccessEvent, AccessTokenIssued } from './events.js';

const tokenId = '00000000-0000-4000-8000-000000000001';
const hash = 'a'.repeat(64);
const grant = (over: Partial<AccessTokenIssued> = {}): AccessTokenIssued => ({
  tokenId,
  role: 'REGENCY',
  regencyCode: '16.04',
  tokenHash: hash,
  ...over,
});
const issued = (data: AccessTokenIssued): AccessEvent => ({ type: 'AccessTokenIssued', data });
const revoke = { type: 'RevokeAccessToken' as const, data: { tokenId, reason: 'lost' } };

describe('Access decider', () => {
  it('issues a regency token bound to its regency', () => {
    given(accessDecider)
      .when({ type: 'IssueAccessToken', data: grant() })
      .thenEmits([issued(grant())]);
  });

  it('needs a regency for a REGENCY token and none for the others', () => {
    given(accessDecider)
      .when({ type: 'IssueAccessToken', data: grant({ regencyCode: undefined }) })
      .thenRejects('BAD_USER_INPUT', 'regencyCode');
    given(accessDecider)
      .when({ type: 'IssueAccessToken', data: grant({ role: 'ANALYST' }) })
      .thenRejects('BAD_USER_INPUT', 'regencyCode');
  });

  it('does not issue the same token twice', () => {
    given(accessDecider, [issued(grant())])
      .when({ type: 'IssueAccessToken', data: grant() })
      .thenRejects('CONFLICT');
  });

  it('revokes an issued token once', () => {
    given(accessDecider, [issued(grant())])
      .when(revoke)
      .thenEmits([{ type: 'AccessTokenRevoked', data: revoke.data }]);
    given(accessDecider, [issued(grant()), { type: 'AccessTokenRevoked', data: revoke.data }])
      .when(revoke)
      .thenRejects('CONFLICT', 'tokenId');
    given(accessDecider).when(revoke).thenRejects('NOT_FOUND', 'tokenId');
  });
});
