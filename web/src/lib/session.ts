import { signal } from '@preact/signals';
import { gql } from './api';

/**
 * The officer's token lives in sessionStorage only: it is gone when the browser session ends,
 * and it is never put in a URL or written to a log.
 */
const KEY = 'replika.token';

export interface Viewer {
  authenticated: boolean;
  role: 'REGENCY' | 'ANALYST' | 'ADMIN' | null;
  regency: { code: string; name: string } | null;
}

export const token = signal<string | null>(sessionStorage.getItem(KEY));
export const viewer = signal<Viewer | null>(null);

const VIEWER = `{ viewer { authenticated role regency { code name } } }`;

export async function signIn(secret: string): Promise<Viewer> {
  const { viewer: who } = await gql<{ viewer: Viewer }>(VIEWER, undefined, secret);
  if (!who.authenticated) throw new Error('unauthenticated');
  sessionStorage.setItem(KEY, secret);
  token.value = secret;
  viewer.value = who;
  return who;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  token.value = null;
  viewer.value = null;
}

/** Restores who the stored token speaks for after a page load. */
export async function restoreSession() {
  if (!token.value) return;
  try {
    const { viewer: who } = await gql<{ viewer: Viewer }>(VIEWER, undefined, token.value);
    if (who.authenticated) viewer.value = who;
    else signOut();
  } catch {
    signOut();
  }
}
