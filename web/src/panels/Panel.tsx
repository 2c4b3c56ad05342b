import type { ComponentChildren } from 'preact';
import { ApiError } from '../lib/api';
import { t } from '../lib/i18n';
import type { QueryState } from '../lib/query';

/** A titled section of a page that shows its query's loading and error states. */
export function Panel<T>({
  id,
  title,
  state,
  children,
  wide,
}: {
  id: string;
  title: string;
  state?: QueryState<T>;
  children: (data: T) => ComponentChildren;
  wide?: boolean;
}) {
  const heading = `${id}-title`;
  const ready = state?.data !== undefined;
  return (
    <section
      class={wide ? 'panel wide' : 'panel'}
      aria-labelledby={heading}
      data-panel={id}
      data-ready={ready && !state?.loading ? 'true' : 'false'}
      aria-busy={state?.loading ? 'true' : 'false'}
    >
      <h2 id={heading}>{title}</h2>
      {state?.error ? (
        <p class="error" role="alert">
          {t('failed', { message: errorText(state.error) })}
        </p>
      ) : ready ? (
        children(state.data as T)
      ) : (
        <p>{t('loading')}</p>
      )}
    </section>
  );
}

export const errorText = (error: unknown) =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);
