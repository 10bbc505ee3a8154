import { describe, expect, it } from 'vitest';
import { eventProducers, eventSchemas, eventTypes, producerOf } from './eventSchemas.ts';

describe('eventProducers', () => {
  it('gives every event type exactly one producer', () => {
    const listed = Object.values(eventProducers).flat();
    expect([...listed].sort()).toEqual([...eventTypes].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(producerOf('payment.succeeded')).toBe('payments');
    expect(producerOf('showtime.created')).toBe('movies');
    expect(producerOf('review.deleted')).toBe('reviews');
    expect(producerOf('watchlist.watched')).toBe('watchlists');
  });
});

describe('eventSchemas', () => {
  const id = () => crypto.randomUUID();
  const movie = {
    movieId: id(),
    slug: 'heat-1995',
    title: 'Heat',
    releaseDate: '1995-12-15',
    genreIds: [id()],
  };
  const booking = {
    bookingId: id(),
    userId: id(),
    showtimeId: id(),
    movieTitle: 'Heat',
    theaterName: 'The Electric',
    startsAt: '2031-03-01T19:00:00.000Z',
    timeZone: 'Europe/London',
    seats: ['B1'],
    amountCents: 1_200,
    currency: 'GBP',
  };

  it('still parses events queued before the fields recommendations reads', () => {
    expect(eventSchemas['movie.created'].safeParse(movie).success).toBe(true);
    const updated = { movieId: id(), title: 'Heat', changedFields: ['title'] };
    expect(eventSchemas['movie.updated'].safeParse(updated).success).toBe(true);
    expect(eventSchemas['booking.confirmed'].safeParse(booking).success).toBe(true);
  });

  it('checks the new fields when they are there', () => {
    const credits = [{ personId: id(), role: 'DIRECTOR' }];
    const created = eventSchemas['movie.created'];
    expect(created.safeParse({ ...movie, synopsis: 'A heist.', credits }).success).toBe(true);
    expect(
      created.safeParse({ ...movie, credits: [{ personId: id(), role: 'GRIP' }] }).success,
    ).toBe(false);
    expect(
      created.safeParse({ ...movie, credits: [{ personId: 'x', role: 'CAST' }] }).success,
    ).toBe(false);
    const confirmed = eventSchemas['booking.confirmed'];
    expect(confirmed.safeParse({ ...booking, movieId: id(), city: 'London' }).success).toBe(true);
    expect(confirmed.safeParse({ ...booking, movieId: id(), city: '' }).success).toBe(false);
    expect(confirmed.safeParse({ ...booking, movieId: 'heat' }).success).toBe(false);
  });

  it('holds review and watchlist events to their shapes', () => {
    const review = { reviewId: id(), movieId: id(), userId: id() };
    expect(eventSchemas['review.updated'].safeParse({ ...review, rating: 10 }).success).toBe(true);
    expect(eventSchemas['review.updated'].safeParse({ ...review, rating: 0 }).success).toBe(false);
    expect(eventSchemas['review.updated'].safeParse({ ...review, rating: 7.5 }).success).toBe(
      false,
    );
    expect(eventSchemas['review.deleted'].safeParse(review).success).toBe(true);
    const item = { userId: id(), movieId: id() };
    expect(eventSchemas['watchlist.added'].safeParse(item).success).toBe(true);
    expect(eventSchemas['watchlist.removed'].safeParse({ userId: id() }).success).toBe(false);
    expect(eventSchemas['watchlist.watched'].safeParse({ ...item, watched: false }).success).toBe(
      true,
    );
    expect(eventSchemas['watchlist.watched'].safeParse(item).success).toBe(false);
  });
});
