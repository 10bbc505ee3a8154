import { subscriptions } from '@cinegraph/events';
import { describe, expect, it } from 'vitest';
import { purgedBy } from './cachePurgeEvents.ts';

describe('the events the gateway purges its response cache by', () => {
  it('are exactly those it subscribes to', () => {
    expect(Object.keys(purgedBy).sort()).toEqual([...subscriptions.gateway].sort());
  });

  it("purge a new review's movie (rating, list), its author's reviews and lists of reviews", () => {
    const tags = purgedBy['review.created']!({
      reviewId: 'r1',
      movieId: 'm1',
      userId: 'u1',
      rating: 7,
      movieTitle: 'Dune',
    });
    expect(tags.sort()).toEqual(['Movie:m1', 'Review', 'Review:r1', 'User:u1']);
  });

  it('purge an updated movie and the lists that may show it', () => {
    expect(
      purgedBy['movie.updated']!({ movieId: 'm1', title: 'Dune', changedFields: ['title'] }),
    ).toEqual(['Movie:m1', 'Movie']);
  });
});
