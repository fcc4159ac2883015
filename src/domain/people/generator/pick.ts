/** Random choices for the generator, all driven by one seeded source. */
export class Picker {
  constructor(readonly random: () => number) {}

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** Zipf-like: item k is chosen with weight 1 / (k + 10), so popular items dominate gently. */
  zipf<T>(items: readonly T[]): T {
    const total = Math.log((items.length + 10) / 10);
    const x = Math.exp(this.random() * total) * 10 - 10;
    return items[Math.min(items.length - 1, Math.floor(x))]!;
  }

  weighted<T>(options: readonly [T, number][]): T {
    let x = this.random() * options.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of options) {
      x -= w;
      if (x < 0) return value;
    }
    return options[options.length - 1]![0];
  }
}
