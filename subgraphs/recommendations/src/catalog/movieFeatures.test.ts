import { describe, expect, it } from 'vitest';
import { movieFeatures, synopsisTerms } from './movieFeatures.ts';

describe("a movie's features", () => {
  it('keeps the content words of its synopsis once each, plurals folded', () => {
    expect(
      synopsisTerms('Two heists in Lyon; the heist that went wrong, and a detective.'),
    ).toEqual(['heist', 'lyon', 'went', 'wrong', 'detective']);
    expect(synopsisTerms('')).toEqual([]);
  });

  it('weighs genres, people by role and terms, each feature once at its highest weight', () => {
    const features = movieFeatures({
      genreIds: ['g1', 'g1'],
      credits: [
        { personId: 'p1', role: 'CAST' },
        { personId: 'p1', role: 'DIRECTOR' },
        { personId: 'p2', role: 'WRITER' },
        { personId: 'p3', role: 'COMPOSER' },
      ],
      synopsis: 'A detective.',
    });
    expect(Object.fromEntries(features)).toEqual({
      'genre:g1': 1,
      'person:p1': 1,
      'person:p2': 0.6,
      'person:p3': 0.3,
      'term:detective': 0.4,
    });
  });
});
