import { describe, expect, it } from 'vitest';
import { generateCatalog, localTime, SHOWTIME_DAYS, withArticle } from './catalog.ts';

describe('generateCatalog', () => {
  const catalog = generateCatalog('2026-11-26');

  it('is the same on every run', () => {
    expect(generateCatalog('2026-11-26')).toEqual(catalog);
  });

  it('has 200+ movies with unique slugs, genres and credits', () => {
    expect(catalog.movies.length).toBeGreaterThanOrEqual(200);
    expect(new Set(catalog.movies.map((m) => m.slug)).size).toBe(catalog.movies.length);
    for (const movie of catalog.movies) {
      expect(catalog.movieGenres.some((g) => g.movieId === movie.id)).toBe(true);
      expect(catalog.credits.some((c) => c.movieId === movie.id && c.role === 'DIRECTOR')).toBe(
        true,
      );
    }
  });

  it('has 10 theaters in 3 cities with 3 screens each', () => {
    expect(catalog.theaters).toHaveLength(10);
    expect(new Set(catalog.theaters.map((t) => t.city)).size).toBe(3);
    expect(catalog.screens).toHaveLength(30);
  });

  it('schedules showtimes over the next 14 days that never overlap on a screen', () => {
    const days = new Set(catalog.showtimes.map((s) => s.startsAt.toISOString().slice(0, 10)));
    expect(days.size).toBe(SHOWTIME_DAYS);
    expect([...days].sort()[0]).toBe('2026-11-26');
    const byScreen = new Map<string, typeof catalog.showtimes>();
    for (const showtime of catalog.showtimes)
      byScreen.set(showtime.screenId, [...(byScreen.get(showtime.screenId) ?? []), showtime]);
    for (const showtimes of byScreen.values()) {
      const sorted = [...showtimes].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.startsAt >= sorted[i - 1]!.endsAt).toBe(true);
    }
  });

  it('reproduces an already seeded day exactly when seeded later', () => {
    const later = generateCatalog('2026-11-30');
    const sameDay = (c: typeof catalog) =>
      c.showtimes.filter((s) => s.startsAt.toISOString().startsWith('2026-12-01'));
    expect(sameDay(later)).toEqual(sameDay(catalog));
  });
});

describe('seeded text', () => {
  it('takes the article its next word calls for', () => {
    expect(withArticle('ambitious chef')).toBe('an ambitious chef');
    expect(withArticle('retired detective')).toBe('a retired detective');
    const { movies } = generateCatalog('2026-11-26');
    expect(movies.some((movie) => movie.synopsis.startsWith('When an '))).toBe(true);
    for (const movie of movies) expect(movie.synopsis).not.toMatch(/\ba [aeiou]/i);
  });
});

describe('localTime', () => {
  it('turns London wall-clock time into UTC across daylight saving', () => {
    expect(localTime('2026-01-15', 18 * 60, 'Europe/London').toISOString()).toBe(
      '2026-01-15T18:00:00.000Z',
    );
    expect(localTime('2026-07-15', 18 * 60, 'Europe/London').toISOString()).toBe(
      '2026-07-15T17:00:00.000Z',
    );
  });
});
