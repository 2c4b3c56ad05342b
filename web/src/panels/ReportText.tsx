import { type Piece, pieces, type SourceSpan } from '../lib/draft';
import { t } from '../lib/i18n';

/**
 * The report as pasted, with every source span of the proposals highlighted (`<mark>`); the
 * spans of the proposal in focus are drawn bold. Each mark's reasons are its title, and every
 * proposal lists its sources as text too, so nothing depends on hovering.
 */
export function ReportText({
  text,
  spans,
  active,
}: {
  text: string;
  spans: Array<{ owner: string; span: SourceSpan }>;
  active: string | undefined;
}) {
  const cut = pieces(text, spans);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls beside the proposals, so it must take focus for the keyboard to scroll it (WCAG 2.1.1, axe's scrollable-region-focusable)
    <section class="panel report-text-panel" aria-labelledby="report-text-title" tabIndex={0}>
      <h2 id="report-text-title">{t('highlightedTitle')}</h2>
      <p class="sub">{t('highlightHelp')}</p>
      <div class="report-text" data-report-text>
        {cut.map((piece) => (
          <Highlight key={piece.start} piece={piece} active={active} />
        ))}
      </div>
    </section>
  );
}

function Highlight({ piece, active }: { piece: Piece; active: string | undefined }) {
  if (piece.owners.length === 0) return <>{piece.text}</>;
  const isActive = active !== undefined && piece.owners.includes(active);
  return (
    <mark
      class={isActive ? 'active' : undefined}
      data-owners={piece.owners.join(' ')}
      title={piece.reasons.join('; ')}
    >
      {piece.text}
    </mark>
  );
}
