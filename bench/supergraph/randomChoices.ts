import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface RandomChoices {
  /** An integer from min to max, both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /**
   * An item with a popularity skew: the first items of the list come up far more often
   * (the square of a uniform draw), as a few titles and showtimes draw most traffic.
   */
  popular<T>(items: readonly T[]): T;
  /** A key of `weights`, in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

/** Choices from a seeded generator (pure-rand's xoroshiro128+): the same seed, the same choices. */
export function createRandomChoices(seed: number): RandomChoices {
  const generator = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(generator, min, max);
  const float = () => uniformFloat64(generator);
  return {
    int,
    chance: (probability) => float() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('Nothing to pick from');
      return items[int(0, items.length - 1)]!;
    },
    popular: (items) => {
      if (items.length === 0) throw new Error('Nothing to pick from');
      return items[Math.floor(float() ** 2 * items.length)]!;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let draw = float() * total;
      for (const [key, weight] of entries) {
        draw -= weight;
        if (draw < 0) return key;
      }
      return entries.at(-1)![0];
    },
  };
}

/**
 * A 32-bit seed from a seed and numbers (e.g. a connection and a request's number), so
 * that each request draws from its own generator: request n makes the same choices in
 * every run of the same seed, however many draws the requests before it made.
 */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let hash = seed | 0;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part + 0x9e3779b9), 0x85ebca6b);
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash | 0;
}
