import { useEffect, useState } from 'preact/hooks';
import { gql } from './api';

export interface QueryState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * One panel, one query: runs it whenever the variables (or `refresh`) change and drops answers
 * that arrive after a newer request was made. The last answer is kept with the request it answers,
 * and the state says `loading` until the answer to the current request arrives — also in the
 * render between a change of variables and the effect that sends the new request, so a panel
 * never presents the previous filters' answer as ready.
 */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown> | undefined,
  options: { token?: string | null; skip?: boolean; refresh?: number } = {},
): QueryState<T> {
  const [answer, setAnswer] = useState<{ data?: T; error?: unknown; request?: string }>({});
  const key = JSON.stringify(variables ?? {});
  const request = JSON.stringify([query, key, options.token ?? null, options.refresh ?? 0]);
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    gql<T>(query, variables, options.token).then(
      (data) => current && setAnswer({ data, request }),
      (error) => current && setAnswer({ error, request }),
    );
    return () => {
      current = false;
    };
  }, [query, key, options.token, options.skip, options.refresh]);
  const { request: answered, ...shown } = answer;
  return { ...shown, loading: !options.skip && answered !== request };
}
