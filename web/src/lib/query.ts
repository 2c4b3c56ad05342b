import { useEffect, useState } from 'preact/hooks';
import { gql } from './api';

export interface QueryState<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
}

/**
 * One panel, one query: runs it whenever the variables (or `refresh`) change and drops answers
 * that arrive after a newer request was made.
 */
export function useQuery<T>(
  query: string,
  variables: Record<string, unknown> | undefined,
  options: { token?: string | null; skip?: boolean; refresh?: number } = {},
): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ loading: !options.skip });
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (options.skip) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    gql<T>(query, variables, options.token).then(
      (data) => current && setState({ data, loading: false }),
      (error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [query, key, options.token, options.skip, options.refresh]);
  return state;
}
