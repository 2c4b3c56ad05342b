import { accessDecider } from '../domain/access/decide.js';
import { accessStream } from '../domain/access/events.js';
import type { EventStore } from '../eventstore/port.js';
import { deterministicUuid, generateToken, hashToken, type TokenLookup } from './access.js';
import { handleCommand } from './command-handler.js';

export interface AdminTokenOptions {
  store: EventStore;
  tokens: TokenLookup;
  /** `REPLIKA_ADMIN_TOKEN`, when set. */
  configured: string | undefined;
  /** Shows a generated token to the person who started the server (stdout, not the log). */
  announce: (message: string) => void;
}

/**
 * Makes sure the ministry has an admin token. A configured one is granted (as its hash) on first
 * use; without one, and with no admin token in the store yet, a token is generated, granted and
 * announced once. Answers the log position of the grant, if one was appended.
 */
export async function ensureAdminToken(options: AdminTokenOptions): Promise<bigint | undefined> {
  const { store, tokens, configured } = options;
  if (configured !== undefined) {
    const tokenHash = hashToken(configured);
    if (tokens.grantByHash(tokenHash)) return undefined;
    return grant(
      store,
      tokenHash,
      deterministicUuid('admin-token', tokenHash),
      'REPLIKA_ADMIN_TOKEN',
    );
  }
  if (tokens.hasActiveAdmin()) return undefined;
  const token = generateToken();
  const tokenHash = hashToken(token);
  const position = await grant(
    store,
    tokenHash,
    deterministicUuid('admin-token', tokenHash),
    'generated on first start',
  );
  options.announce(
    [
      '',
      '  replika generated the ministry admin token (shown this once, stored only as a hash):',
      '',
      `    ${token}`,
      '',
      '  Send it as "Authorization: Bearer <token>". Keep it safe; set REPLIKA_ADMIN_TOKEN to',
      '  choose your own instead.',
      '',
      '',
    ].join('\n'),
  );
  return position;
}

async function grant(store: EventStore, tokenHash: string, tokenId: string, label: string) {
  const { position } = await handleCommand(
    store,
    accessDecider,
    accessStream(tokenId),
    { type: 'IssueAccessToken', data: { tokenId, role: 'ADMIN', tokenHash, label } },
    {
      metadata: { actor: 'system:bootstrap' },
      eventId: () => deterministicUuid('admin-token-grant', tokenHash),
    },
  );
  return position;
}
