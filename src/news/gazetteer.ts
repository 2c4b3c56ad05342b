import { fold } from './text.js';

/**
 * What the extractor knows of the world, handed in by its caller (the extractor itself does no
 * I/O): Kemendagri's kabupaten/kota with their official names ("KABUPATEN BANYUWANGI"), the
 * districts and villages of a regency, and the registered innovations.
 */
export interface Gazetteer {
  readonly regencies: ReadonlyArray<{ code: string; name: string }>;
  /** Districts (kecamatan) and villages (desa/kelurahan) of one regency; empty when unknown. */
  placesOf(regencyCode: string): readonly Place[];
}

export interface Place {
  code: string;
  /** Official name, e.g. "Tamansari". */
  name: string;
  kind: 'DISTRICT' | 'VILLAGE';
  /** The district a village lies in (its own code for a district). */
  districtCode: string;
}

/** A registered innovation, as the read model holds it. */
export interface KnownInnovation {
  id: string;
  name: string;
  originCode: string;
  /** Other names it goes by ("MPP"); short forms of the name are derived as well. */
  aliases?: readonly string[];
}

export type RegencyKind = 'KABUPATEN' | 'KOTA';

export interface RegencyEntry {
  code: string;
  officialName: string;
  kind: RegencyKind;
  /** The name without "KABUPATEN" / "KOTA" / "ADMINISTRASI", folded: "banyuwangi". */
  base: string;
  /** Display form: "Banyuwangi". */
  display: string;
}

export interface RegencyIndex {
  /** Base names with spaces removed ("labuhanbatu", "baubau") → the regencies of that name. */
  byJoined: ReadonlyMap<string, readonly RegencyEntry[]>;
  byCode: ReadonlyMap<string, RegencyEntry>;
  /** Most tokens a base name spans. */
  maxTokens: number;
}

const built = new WeakMap<Gazetteer, RegencyIndex>();

export function regencyIndex(gazetteer: Gazetteer): RegencyIndex {
  const cached = built.get(gazetteer);
  if (cached) return cached;
  const byJoined = new Map<string, RegencyEntry[]>();
  const byCode = new Map<string, RegencyEntry>();
  let maxTokens = 1;
  for (const { code, name } of gazetteer.regencies) {
    const folded = fold(name);
    const kind: RegencyKind = folded.startsWith('kota ') ? 'KOTA' : 'KABUPATEN';
    const base = folded.replace(/^(kabupaten|kota)\s+/, '').replace(/^administrasi\s+/, '');
    if (!base) continue;
    const display = base.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
    const entry: RegencyEntry = { code, officialName: name, kind, base, display };
    byCode.set(code, entry);
    const joined = base.replace(/ /g, '');
    byJoined.set(joined, [...(byJoined.get(joined) ?? []), entry]);
    maxTokens = Math.max(maxTokens, base.split(' ').length + 1);
  }
  const index = { byJoined, byCode, maxTokens };
  built.set(gazetteer, index);
  return index;
}
