import { useState } from 'preact/hooks';
import { gql, showFailure } from '../lib/api';
import { DRAFT, type ReportDraft, type SourceSpan } from '../lib/draft';
import { formatDate, t, todayInIndonesia } from '../lib/i18n';
import { useQuery } from '../lib/query';
import { viewer } from '../lib/session';
import { Field, GeneralErrors } from '../panels/Field';
import { InterestProposal } from '../panels/InterestProposal';
import type { Innovation } from '../panels/Proposal';
import { ReportText } from '../panels/ReportText';
import { SignIn } from '../panels/SignIn';
import { VisitProposal } from '../panels/VisitProposal';
import './berita.css';

const INNOVATIONS = `{ innovations { id name origin { code name } } }`;

/** What was read, and from which text (the highlights need the text the offsets refer to). */
interface Reading {
  n: number;
  text: string;
  draft: ReportDraft;
}

/**
 * Berita: a report's text (pasted or from a .txt file), its publication date and URL go to
 * `draftFromReport`; the text comes back highlighted beside the proposed study visits and interest
 * milestones, each editable, confirmed through the ordinary mutations or dropped.
 */
export function Berita() {
  const [form, setForm] = useState({ text: '', publishedOn: '', url: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [reading, setReading] = useState<Reading | undefined>();
  const [dropped, setDropped] = useState<string[]>([]);
  const [active, setActive] = useState<string | undefined>();
  const [announce, setAnnounce] = useState('');
  const list = useQuery<{ innovations: Innovation[] }>(INNOVATIONS, undefined);
  const today = todayInIndonesia();
  const set = (name: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm((f) => ({ ...f, [name]: e.currentTarget.value }));

  const read = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    if (!form.text.trim()) found.text = t('required');
    if (!form.publishedOn) found.publishedOn = t('required');
    else if (form.publishedOn > today)
      found.publishedOn = t('futureDate', { today: formatDate(today) });
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const url = form.url.trim();
      const answer = await gql<{ draftFromReport: ReportDraft }>(DRAFT, {
        text: form.text,
        publishedOn: form.publishedOn,
        url: url || null,
      });
      setReading((r) => ({ n: (r?.n ?? 0) + 1, text: form.text, draft: answer.draftFromReport }));
      setDropped([]);
      setActive(undefined);
      setAnnounce('');
    } catch (error) {
      showFailure(error, setErrors, setGeneral);
    } finally {
      setBusy(false);
    }
  };

  // A picked .txt file replaces the text, as if it had been pasted.
  const pickFile = async (e: { currentTarget: HTMLInputElement }) => {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    const text = await file.text();
    setForm((f) => ({ ...f, text }));
  };

  return (
    <>
      <h1>{t('beritaTitle')}</h1>
      <p class="intro">{t('beritaIntro')}</p>
      <form
        class="form panel report-form"
        onSubmit={read}
        noValidate
        aria-labelledby="report-form-title"
      >
        <h2 id="report-form-title">{t('reportText')}</h2>
        <GeneralErrors general={general} />
        <Field name="text" label={t('reportText')} error={errors.text}>
          {(props) => <textarea {...props} rows={8} value={form.text} onInput={set('text')} />}
        </Field>
        <label>
          {t('reportFile')}
          <input type="file" name="report-file" accept=".txt,text/plain" onChange={pickFile} />
        </label>
        <div class="row">
          <Field name="publishedOn" label={t('publishedOn')} error={errors.publishedOn}>
            {(props) => (
              <input
                {...props}
                type="date"
                max={today}
                required
                value={form.publishedOn}
                onInput={set('publishedOn')}
              />
            )}
          </Field>
          <Field name="url" label={t('reportUrl')} error={errors.url}>
            {(props) => <input {...props} type="url" value={form.url} onInput={set('url')} />}
          </Field>
        </div>
        {form.publishedOn && (
          <small class="sub" data-date-as-written>
            {formatDate(form.publishedOn)}
          </small>
        )}
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t('reading') : t('readReport')}
          </button>
        </div>
      </form>
      {reading && (
        <Proposals
          key={reading.n}
          reading={reading}
          innovations={list.data?.innovations ?? []}
          dropped={dropped}
          active={active}
          onActive={setActive}
          onDrop={(key, what) => {
            setDropped((d) => [...d, key]);
            setAnnounce(t('dropped', { what }));
          }}
        />
      )}
      <p aria-live="polite" class="sub" data-announce>
        {announce}
      </p>
    </>
  );
}

function Proposals({
  reading,
  innovations,
  dropped,
  active,
  onActive,
  onDrop,
}: {
  reading: Reading;
  innovations: Innovation[];
  dropped: string[];
  active: string | undefined;
  onActive: (key: string) => void;
  onDrop: (key: string, what: string) => void;
}) {
  const { draft, text } = reading;
  const names = new Map(draft.regencies.map((r) => [r.regency.code, r.regency.name]));
  for (const i of innovations) names.set(i.origin.code, names.get(i.origin.code) ?? i.origin.name);
  const visits = draft.studyVisits
    .map((p, i) => ({ key: `v${i}`, p }))
    .filter((v) => !dropped.includes(v.key));
  const interests = draft.milestones
    .map((p, i) => ({ key: `m${i}`, p }))
    .filter((m) => !dropped.includes(m.key));
  const spans: Array<{ owner: string; span: SourceSpan }> = [
    ...visits.flatMap(({ key, p }) => p.sources.map((span) => ({ owner: key, span }))),
    ...interests.flatMap(({ key, p }) => p.sources.map((span) => ({ owner: key, span }))),
  ];
  const signedIn = viewer.value?.authenticated;
  return (
    <div class="berita" data-drafted>
      <ReportText text={text} spans={spans} active={active} />
      <section class="proposals" aria-labelledby="proposals-title">
        <h2 id="proposals-title">{t('proposalsTitle')}</h2>
        {!signedIn && <p>{t('signInToConfirm')}</p>}
        <SignIn />
        {draft.warnings.length > 0 && (
          <div class="panel warnings">
            <h3>{t('warnings')}</h3>
            <ul>
              {draft.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        {draft.studyVisits.length + draft.milestones.length === 0 && <p>{t('noProposals')}</p>}
        {visits.map(({ key, p }, i) => (
          <VisitProposal
            key={key}
            id={key}
            n={i + 1}
            proposal={p}
            names={names}
            innovations={innovations}
            onFocus={() => onActive(key)}
            onDrop={() =>
              onDrop(
                key,
                t('visitProposal', {
                  n: i + 1,
                  visitor: names.get(p.input.visitorCode) ?? '',
                  host: names.get(p.input.hostCode) ?? '',
                }),
              )
            }
          />
        ))}
        {interests.map(({ key, p }, i) => (
          <InterestProposal
            key={key}
            id={key}
            n={i + 1}
            proposal={p}
            names={names}
            innovations={innovations}
            onFocus={() => onActive(key)}
            onDrop={() =>
              onDrop(
                key,
                t('interestProposal', { n: i + 1, adopter: names.get(p.input.adopterCode) ?? '' }),
              )
            }
          />
        ))}
      </section>
    </div>
  );
}
