import { accessDecider } from '../domain/access/decide.js';
import { accessStream } from '../domain/access/events.js';
import { generateToken, hashToken } from './access.js';
import type { InputSchemas } from './inputs.js';
import { useCase } from './pipeline.js';

/** The access-token aggregate's use cases (ADMIN only). */
export const accessTokenUseCases = (schemas: InputSchemas) => ({
  /**
   * Issues an access token. The token itself is answered once and stored nowhere: the grant
   * event holds its SHA-256 hash. A retry with the same idempotencyKey answers the grant without
   * the token (`token: null`).
   */
  issueAccessToken: useCase({
    mutation: 'issueAccessToken',
    roles: ['ADMIN'],
    input: schemas.issueAccessToken,
    async exec(data, cx) {
      const token = generateToken();
      const tokenId = cx.id('token');
      const grant = {
        tokenId,
        role: data.role,
        regencyCode: data.regencyCode ?? null,
        label: data.label ?? null,
      };
      const command = {
        type: 'IssueAccessToken' as const,
        data: { ...data, tokenId, tokenHash: hashToken(token) },
      };
      const outcome = await cx.handle(accessDecider, accessStream(tokenId), command, {
        ...grant,
        token: null,
      });
      return {
        result: { ...grant, token: outcome.replayed ? null : token },
        position: outcome.position ?? 0n,
      };
    },
  }),

  /** Revokes an access token; it stops working at once. */
  revokeAccessToken: useCase({
    mutation: 'revokeAccessToken',
    roles: ['ADMIN'],
    input: schemas.revokeAccessToken,
    exec: (data, cx) =>
      cx.write(
        accessDecider,
        accessStream(data.tokenId),
        { type: 'RevokeAccessToken', data },
        {
          tokenId: data.tokenId,
        },
      ),
  }),
});
