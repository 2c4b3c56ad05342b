import { getProvinces, getRegencies, getVillages } from 'idn-area-data';

export interface Province {
  code: string;
  name: string;
}

export interface Regency {
  code: string;
  name: string;
  provinceCode: string;
}

/**
 * Kemendagri's administrative regions (Kepmendagri 2025) from `idn-area-data`: 38 provinces and
 * 514 kabupaten/kota held in memory; villages are loaded on first use.
 */
export class Regions {
  private villages: Promise<Set<string>> | undefined;

  private constructor(
    private readonly provinceByCode: ReadonlyMap<string, Province>,
    private readonly regencyByCode: ReadonlyMap<string, Regency>,
  ) {}

  static async load(): Promise<Regions> {
    const [provinces, regencies] = await Promise.all([
      getProvinces(),
      getRegencies({ transform: true }),
    ]);
    return new Regions(
      new Map(provinces.map((p) => [p.code, { code: p.code, name: p.name }])),
      new Map(
        regencies.map((r) => [
          r.code,
          { code: r.code, name: r.name, provinceCode: r.provinceCode },
        ]),
      ),
    );
  }

  province(code: string): Province | undefined {
    return this.provinceByCode.get(code);
  }

  provinces(): Province[] {
    return [...this.provinceByCode.values()];
  }

  regency(code: string): Regency | undefined {
    return this.regencyByCode.get(code);
  }

  regencies(provinceCode?: string): Regency[] {
    const all = [...this.regencyByCode.values()];
    return provinceCode === undefined ? all : all.filter((r) => r.provinceCode === provinceCode);
  }

  async hasVillage(code: string): Promise<boolean> {
    this.villages ??= getVillages().then((rows) => new Set(rows.map((v) => v.code)));
    return (await this.villages).has(code);
  }
}
