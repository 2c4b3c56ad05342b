import { describe, expect, it } from 'vitest';
import { pieces, type SourceSpan } from '../../web/src/lib/draft.js';

/** How the Berita page cuts a report into highlighted pieces (pure; no browser needed). */
const span = (start: number, end: number, reason = 'rule'): SourceSpan => ({
  field: 'f',
  start,
  end,
  text: '',
  reason,
  confidence: 1,
});
const text = 'Bupati Lahat berkunjung ke Banyuwangi';

describe('pieces of a report', () => {
  it('keeps every character once, in order, whatever the spans', () => {
    const cut = pieces(text, [
      { owner: 'v0', span: span(0, 12) },
      { owner: 'm0', span: span(7, 37) },
      { owner: 'v0', span: span(-5, 3) },
      { owner: 'v0', span: span(30, 900) },
      { owner: 'm0', span: span(20, 20) },
    ]);
    expect(cut.map((p) => p.text).join('')).toBe(text);
    expect(cut.map((p) => p.start)).toEqual([...cut.map((p) => p.start)].sort((a, b) => a - b));
  });

  it('marks overlapping spans with both proposals, and plain text with none', () => {
    const cut = pieces(text, [
      { owner: 'v0', span: span(0, 12, 'the visiting regent') },
      { owner: 'm0', span: span(7, 12, 'the interested regency') },
    ]);
    expect(cut).toEqual([
      { start: 0, text: 'Bupati ', owners: ['v0'], reasons: ['the visiting regent'] },
      {
        start: 7,
        text: 'Lahat',
        owners: ['v0', 'm0'],
        reasons: ['the visiting regent', 'the interested regency'],
      },
      { start: 12, text: ' berkunjung ke Banyuwangi', owners: [], reasons: [] },
    ]);
  });

  it('answers the text as one plain piece when nothing was read', () => {
    expect(pieces(text, [])).toEqual([{ start: 0, text, owners: [], reasons: [] }]);
    expect(pieces('', [{ owner: 'v0', span: span(0, 4) }])).toEqual([]);
  });
});
