/**
 * Distinct strings, each known by a small number, for the bulk folds that keep strings (codes,
 * slugs, dates) in typed arrays. Index 0 is '' and stands for "none".
 */
export class Distinct {
  private readonly values: string[] = [''];
  private readonly index = new Map<string, number>([['', 0]]);

  indexOf(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  at = (i: number) => this.values[i] as string;

  /** Each index's place in the sorted order of the strings (code-unit order, as `<` has it). */
  order(): Uint32Array {
    const sorted = this.values.map((_, i) => i);
    sorted.sort((x, y) => {
      const a = this.values[x] as string;
      const b = this.values[y] as string;
      return a < b ? -1 : a > b ? 1 : 0;
    });
    const place = new Uint32Array(this.values.length);
    sorted.forEach((i, p) => {
      place[i] = p;
    });
    return place;
  }
}
