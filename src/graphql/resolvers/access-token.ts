import type { AccessTokenResolvers } from '../generated.js';

export const AccessToken: AccessTokenResolvers = {
  regency: (token, _, ctx) =>
    token.regencyCode ? (ctx.regions.regency(token.regencyCode) ?? null) : null,
};
