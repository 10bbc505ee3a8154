import { eventConsumers } from '@cinegraph/events';
import { describe, expect, it } from 'vitest';
import { changedBy, purgedBy } from './cachePurgeEvents.ts';

describe('the events the gateway purges its response cache by', () => {
  it('are exactly those it subscribes to', () => {
    expect(Object.keys(changedBy).sort()).toEqual([...eventConsumers.gateway].sort());
  });

  it("purge what reviews resolves of a new review's movie (rating, list) and author, and lists of reviews", () => {
    const tags = purgedBy('review.created', {
      reviewId: 'r1',
      movieId: 'm1',
      userId: 'u1',
      rating: 7,
      movieTitle: 'Dune',
    });
    expect(tags.sort()).toEqual(
      [
        'Movie:m1',
        'Movie:m1@reviews',
        'Review',
        'Review:r1',
        'Review:r1@reviews',
        'User:u1',
        'User:u1@reviews',
      ].sort(),
    );
  });

  it('purge what movies resolves of an updated movie, and the lists that may show it', () => {
    expect(
      purgedBy('movie.updated', { movieId: 'm1', title: 'Dune', changedFields: ['title'] }).sort(),
    ).toEqual(['Movie', 'Movie:m1', 'Movie:m1@movies']);
  });
});
