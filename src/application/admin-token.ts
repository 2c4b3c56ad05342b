import { scryptSync } from 'node:crypto';
import { accessDecider } from '../domain/access/decide.js';
import { accessStream } from '../domain/access/events.js';
import { DomainError } from '../domain/shared/errors.js';
import type { EventStore } from '../eventstore/port.js';
import {
  type AccessGrant,
  deterministicUuid,
  generateToken,
  hashToken,
  type TokenLookup,
} from './access.js';
import { handleCommand } from './command-handler.js';

/** The labels of the admin grants made at start-up (not through issueAccessToken). */
const CONFIGURED = 'REPLIKA_ADMIN_TOKEN';
const GENERATED = 'generated on first start';

export interface AdminTokenOptions {
  store: EventStore;
  tokens: TokenLookup & {
    accessTokens(): Array<{ id: string; role: string; label: string | null; revoked: boolean }>;
  };
  /** `REPLIKA_ADMIN_TOKEN`, when set. */
  configured: string | undefined;
  /** Shows a generated token to the person who started the server (stdout, not the log). */
  announce: (message: string) => void;
  /** Tells the operator something went wrong with the configured token. */
  warn?: (message: string) => void;
}

/**
 * An operator chooses `REPLIKA_ADMIN_TOKEN`, so it may be guessable: its grant stores a slow,
 * salted hash (scrypt, N=2^15, r=8: tens of milliseconds and 32 MiB per guess) instead of the
 * plain SHA-256 that random generated tokens get, so a leaked grant cannot be guessed back
 * quickly offline. The salt is fixed per application (the grant must be found again at every
 * start-up, on every instance). Computed once per process: requests never pay for it.
 */
const slowHashes = new Map<string, string>();
export function configuredAdminTokenHash(configured: string): string {
  let hash = slowHashes.get(configured);
  if (hash === undefined) {
    hash = scryptSync(configured, 'replika:REPLIKA_ADMIN_TOKEN:v1', 32, {
      N: 2 ** 15,
      r: 8,
      p: 1,
      maxmem: 64 * 1024 * 1024,
    }).toString('hex');
    slowHashes.set(configured, hash);
  }
  return hash;
}

/**
 * The token lookup requests authenticate with: the configured admin token (sent as itself,
 * compared through its SHA-256, which lives only in this process's memory) finds the grant
 * stored under its slow hash; every other token is found by its SHA-256 as before.
 */
export function withConfiguredAdmin<T extends TokenLookup>(
  tokens: T,
  configured: string | undefined,
): TokenLookup {
  if (configured === undefined) return tokens;
  const fast = hashToken(configured);
  const stored = configuredAdminTokenHash(configured);
  return {
    grantByHash: (tokenHash) =>
      tokenHash === fast ? tokens.grantByHash(stored) : tokens.grantByHash(tokenHash),
    hasActiveAdmin: () => tokens.hasActiveAdmin(),
  };
}

/**
 * Makes sure the ministry has an admin token. A configured one is granted (as its hash) on first
 * use, and replaces the admin tokens granted at earlier start-ups (a changed
 * `REPLIKA_ADMIN_TOKEN` revokes the old one, and a generated one once a token is configured).
 * Without one, and with no admin token in the store yet, a token is generated, granted and
 * announced once. Answers the log position of the last event appended, if any.
 */
export async function ensureAdminToken(options: AdminTokenOptions): Promise<bigint | undefined> {
  const { store, tokens, configured } = options;
  if (configured !== undefined) {
    const tokenHash = configuredAdminTokenHash(configured);
    const existing: AccessGrant | undefined = tokens.grantByHash(tokenHash);
    let position: bigint | undefined;
    if (existing?.revoked)
      options.warn?.('REPLIKA_ADMIN_TOKEN was revoked and does not work; configure another token');
    if (!existing)
      position = await grant(
        store,
        tokenHash,
        deterministicUuid('admin-token', tokenHash),
        CONFIGURED,
      );
    const current = existing?.tokenId ?? deterministicUuid('admin-token', tokenHash);
    for (const old of tokens.accessTokens())
      if (
        old.role === 'ADMIN' &&
        !old.revoked &&
        old.id !== current &&
        (old.label === CONFIGURED || old.label === GENERATED)
      )
        position = await revoke(store, old.id);
    return position;
  }
  if (tokens.hasActiveAdmin()) return undefined;
  const token = generateToken();
  const tokenHash = hashToken(token);
  // The log decides between instances starting together: the n-th generated admin token has a
  // fixed id, so its stream is created (no_stream) by one instance only; the others stand down.
  const generation = tokens.accessTokens().filter((t) => t.label === GENERATED).length;
  let position: bigint | undefined;
  try {
    position = await grant(
      store,
      tokenHash,
      deterministicUuid('admin-token-generated', String(generation)),
      GENERATED,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return undefined;
    throw error;
  }
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

async function revoke(store: EventStore, tokenId: string) {
  const { position } = await handleCommand(
    store,
    accessDecider,
    accessStream(tokenId),
    {
      type: 'RevokeAccessToken',
      data: { tokenId, reason: 'replaced by the configured REPLIKA_ADMIN_TOKEN' },
    },
    { metadata: { actor: 'system:bootstrap' } },
  );
  return position;
}
