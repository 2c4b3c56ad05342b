import { useState } from 'preact/hooks';
import { fold } from '../lib/domain';
import { t } from '../lib/i18n';
import { useQuery } from '../lib/query';

const INNOVATIONS = `{ innovations { id name origin { code name } } }`;
type Innovation = { id: string; name: string; origin: { code: string; name: string } };

/**
 * Chooses an innovation by typing part of its name (case- and accent-insensitive, any word), so an
 * officer never needs its slug. Matches are radio buttons: arrow keys move between them.
 */
export function InnovationSearch({
  value,
  onChange,
  exclude,
  error,
  name = 'innovationId',
  legend,
}: {
  /** The radio group's name (unique per form). */
  name?: string;
  legend?: string;
  value: Innovation | undefined;
  onChange: (innovation: Innovation) => void;
  exclude?: string | undefined;
  error?: string | undefined;
}) {
  const list = useQuery<{ innovations: Innovation[] }>(INNOVATIONS, undefined);
  const [text, setText] = useState('');
  const words = fold(text).split(/\s+/).filter(Boolean);
  const matches = (list.data?.innovations ?? []).filter(
    (i) =>
      i.origin.code !== exclude &&
      words.every((w) =>
        fold(`${i.name} ${i.origin.name}`)
          .split(/[^\p{L}\p{N}]+/u)
          .some((x) => x.startsWith(w)),
      ),
  );
  return (
    <fieldset data-field={name}>
      <legend>{legend ?? t('innovation')}</legend>
      <label>
        {t('searchInnovation')}
        <input
          type="search"
          name={`${name}-search`}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
          aria-describedby={`f-${name}-error`}
        />
      </label>
      <div role="radiogroup" aria-label={t('innovation')}>
        {matches.length === 0 && <p>{t('noMatch')}</p>}
        {matches.slice(0, 8).map((i) => (
          <label key={i.id} class="choice">
            <input
              type="radio"
              name={name}
              value={i.id}
              checked={value?.id === i.id}
              onChange={() => onChange(i)}
            />
            <span>
              {i.name} <small class="sub">{i.origin.name}</small>
            </span>
          </label>
        ))}
      </div>
      <span id={`f-${name}-error`} class="field-error" aria-live="polite">
        {error ?? ''}
      </span>
    </fieldset>
  );
}
