import type { TestServer } from './server.js';

const ISSUE = `mutation($input: IssueAccessTokenInput!) {
  issueAccessToken(input: $input) { token accessToken { id role regency { code } revoked } }
}`;
const REVOKE = `mutation($input: RevokeAccessTokenInput!) {
  revokeAccessToken(input: $input) { id revoked revokedAt }
}`;

/** Issues a token with the server's admin token; answers the secret and the grant's id. */
export async function issueToken(
  server: TestServer,
  input: { role: 'REGENCY' | 'ANALYST' | 'ADMIN'; regencyCode?: string; label?: string },
): Promise<{ token: string; id: string }> {
  const response = await server.gql<{
    issueAccessToken: { token: string; accessToken: { id: string } };
  }>(ISSUE, { input });
  const issued = response.data?.issueAccessToken;
  if (!issued) throw new Error(`could not issue a token: ${JSON.stringify(response.errors)}`);
  return { token: issued.token, id: issued.accessToken.id };
}

export async function revokeToken(server: TestServer, tokenId: string): Promise<void> {
  const response = await server.gql(REVOKE, { input: { tokenId, reason: 'test' } });
  if (response.errors) throw new Error(`could not revoke: ${JSON.stringify(response.errors)}`);
}
