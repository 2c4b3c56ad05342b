/**
 * How innovation names become searchable words, shared by the projection (what it indexes) and
 * the reader (what it looks for): letters and digits, accents removed, lower case.
 */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * The acronyms officials use for a name: the initials of its words of three letters or more,
 * and of all its words ("Mal Pelayanan Publik" → "mpp", "e-Village Budgeting" → "vb evb").
 * Acronyms the name spells out in brackets ("... (PTSP)") are words of the name already.
 */
export function acronymOf(name: string): string {
  const all = words(name);
  const initials = (ws: string[]) => ws.map((w) => w[0]).join('');
  const long = initials(all.filter((w) => w.length >= 3 || /\d/.test(w)));
  return [...new Set([long, initials(all)])].filter((a) => a.length >= 2).join(' ');
}
