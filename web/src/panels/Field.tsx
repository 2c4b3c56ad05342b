import type { ComponentChildren } from 'preact';

/**
 * A labelled form field whose error (from the browser's own check or from the server's
 * `extensions.field`) is shown right under it and announced.
 */
export function Field({
  name,
  label,
  error,
  idPrefix = '',
  children,
}: {
  name: string;
  /** Keeps ids unique when two forms on one page have a field of the same name. */
  idPrefix?: string;
  label: string;
  error?: string | undefined;
  children: (props: {
    id: string;
    'aria-invalid': 'true' | 'false';
    'aria-describedby': string;
  }) => ComponentChildren;
}) {
  const id = `${idPrefix}f-${name.replace(/\W/g, '-')}`;
  return (
    <div class="field" data-field={name}>
      <label for={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? 'true' : 'false',
        'aria-describedby': `${id}-error`,
      })}
      <span id={`${id}-error`} class="field-error" aria-live="polite">
        {error ?? ''}
      </span>
    </div>
  );
}

/** The errors of a form that belong to no one field (FORBIDDEN, CONFLICT, …), announced. */
export function GeneralErrors({ general }: { general: string[] }) {
  if (general.length === 0) return null;
  return (
    <div class="error" role="alert" data-general-error>
      {general.map((g) => (
        <p key={g}>{g}</p>
      ))}
    </div>
  );
}
