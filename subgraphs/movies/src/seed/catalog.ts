import { TRAILER_MINUTES } from '../catalog/createShowtime.ts';
import { slugify } from '../catalog/movieInput.ts';
import type { Certification, CreditRole, SeatType } from '../generated/prisma/client.ts';
import { createRandom, seedId } from './random.ts';
import * as words from './words.ts';

export interface Catalog {
  genres: { id: string; slug: string; name: string }[];
  people: { id: string; name: string }[];
  movies: {
    id: string;
    slug: string;
    title: string;
    synopsis: string;
    releaseDate: Date;
    runtimeMinutes: number;
    certification: Certification;
    posterUrl: string;
  }[];
  movieGenres: { movieId: string; genreId: string }[];
  credits: {
    id: string;
    movieId: string;
    personId: string;
    role: CreditRole;
    character: string | null;
    billingOrder: number;
  }[];
  theaters: { id: string; name: string; city: string; address: string; timeZone: string }[];
  screens: { id: string; theaterId: string; name: string }[];
  seats: { id: string; screenId: string; row: string; number: number; type: SeatType }[];
  showtimes: {
    id: string;
    movieId: string;
    screenId: string;
    startsAt: Date;
    endsAt: Date;
    priceCents: number;
    currency: string;
  }[];
}

export const MOVIE_COUNT = 240;
export const SHOWTIME_DAYS = 14;

const THEATERS = [
  {
    name: 'CineGraph Leicester Square',
    city: 'London',
    address: '12 Leicester Square, London WC2H 7LU',
  },
  {
    name: 'CineGraph Shoreditch',
    city: 'London',
    address: '45 Great Eastern Street, London EC2A 3HP',
  },
  {
    name: 'CineGraph Greenwich',
    city: 'London',
    address: '180 Greenwich High Road, London SE10 8NN',
  },
  { name: 'CineGraph Camden', city: 'London', address: '9 Parkway, London NW1 7PG' },
  { name: 'CineGraph Deansgate', city: 'Manchester', address: '235 Deansgate, Manchester M3 4EN' },
  {
    name: 'CineGraph Northern Quarter',
    city: 'Manchester',
    address: '61 Oldham Street, Manchester M1 1JR',
  },
  { name: 'CineGraph Salford Quays', city: 'Manchester', address: '3 The Quays, Salford M50 3AZ' },
  {
    name: 'CineGraph Princes Street',
    city: 'Edinburgh',
    address: '120 Princes Street, Edinburgh EH2 4AA',
  },
  { name: 'CineGraph Leith', city: 'Edinburgh', address: '14 Ocean Drive, Edinburgh EH6 6JJ' },
  { name: 'CineGraph Old Town', city: 'Edinburgh', address: '38 Cowgate, Edinburgh EH1 1JR' },
] as const;

/** Three screen sizes: rows front (A) to back, seats per row. */
const SCREENS = [
  { name: 'Screen 1', rows: 12, seatsPerRow: 18 },
  { name: 'Screen 2', rows: 10, seatsPerRow: 14 },
  { name: 'Screen 3', rows: 8, seatsPerRow: 12 },
] as const;

const TIME_ZONE = 'Europe/London';
const CERTIFICATIONS: Certification[] = [
  'G',
  'PG',
  'PG',
  'PG_13',
  'PG_13',
  'PG_13',
  'R',
  'R',
  'NC_17',
];

/**
 * The demo catalog, the same on every machine for the same `today`: movies with genres,
 * cast and crew, 10 theaters in 3 cities with 3 screens each, and showtimes for the
 * `SHOWTIME_DAYS` days from `today` (a YYYY-MM-DD date).
 */
export function generateCatalog(today: string): Catalog {
  const random = createRandom(20261126);
  const genres = words.genreNames.map((name) => ({
    id: seedId(`genre:${name}`),
    slug: slugify(name, 0).replace(/-0$/, ''),
    name,
  }));

  const people = Array.from({ length: 320 }, (_, i) => {
    const name = `${words.firstNames[i % words.firstNames.length]} ${words.lastNames[(i * 7 + Math.floor(i / words.firstNames.length)) % words.lastNames.length]}`;
    return { id: seedId(`person:${i}`), name };
  });

  const catalog: Catalog = {
    genres,
    people,
    movies: [],
    movieGenres: [],
    credits: [],
    theaters: [],
    screens: [],
    seats: [],
    showtimes: [],
  };

  const titles = new Set<string>();
  const todayYear = Number(today.slice(0, 4));
  while (catalog.movies.length < MOVIE_COUNT) {
    const title = movieTitle(random);
    if (titles.has(title)) continue;
    titles.add(title);
    const index = catalog.movies.length;
    // Newest first in index order: the first movies are the ones now showing.
    const daysAgo = index < 30 ? index * 3 : random.int(100, (todayYear - 1990) * 365);
    const releaseDate = new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000);
    const id = seedId(`movie:${title}`);
    catalog.movies.push({
      id,
      slug: slugify(title, releaseDate.getUTCFullYear()),
      title,
      synopsis: synopsis(random),
      releaseDate,
      runtimeMinutes: random.int(84, 178),
      certification: random.pick(CERTIFICATIONS),
      posterUrl: `https://images.cinegraph.example/posters/${slugify(title, releaseDate.getUTCFullYear())}.jpg`,
    });
    for (const genre of random.sample(genres, random.int(1, 3)))
      catalog.movieGenres.push({ movieId: id, genreId: genre.id });

    const crew = random.sample(people, 11);
    const castCount = random.int(4, 7);
    crew.slice(0, castCount).forEach((person, order) =>
      catalog.credits.push({
        id: seedId(`credit:${id}:${person.id}:CAST`),
        movieId: id,
        personId: person.id,
        role: 'CAST',
        character: random.pick(words.characters),
        billingOrder: order + 1,
      }),
    );
    (['DIRECTOR', 'WRITER', 'PRODUCER', 'COMPOSER'] as const).forEach((role, i) => {
      const person = crew[castCount + i] as { id: string };
      catalog.credits.push({
        id: seedId(`credit:${id}:${person.id}:${role}`),
        movieId: id,
        personId: person.id,
        role,
        character: null,
        billingOrder: 100 + i,
      });
    });
  }

  for (const theater of THEATERS) {
    const theaterId = seedId(`theater:${theater.name}`);
    catalog.theaters.push({ id: theaterId, ...theater, timeZone: TIME_ZONE });
    for (const layout of SCREENS) {
      const screenId = seedId(`screen:${theater.name}:${layout.name}`);
      catalog.screens.push({ id: screenId, theaterId, name: layout.name });
      for (let r = 0; r < layout.rows; r++) {
        const row = String.fromCharCode(65 + r);
        for (let number = 1; number <= layout.seatsPerRow; number++) {
          catalog.seats.push({
            id: seedId(`seat:${screenId}:${row}${number}`),
            screenId,
            row,
            number,
            type: seatType(r, number, layout.rows, layout.seatsPerRow),
          });
        }
      }
    }
  }

  const nowShowing = catalog.movies.slice(0, 30);
  for (const screen of catalog.screens) {
    const screenIndex = catalog.screens.indexOf(screen);
    for (let day = 0; day < SHOWTIME_DAYS; day++) {
      const dayStart = Date.parse(`${today}T00:00:00Z`) + day * 86_400_000;
      const date = new Date(dayStart).toISOString().slice(0, 10);
      // The schedule depends on the calendar date alone, so re-seeding on a later day
      // reproduces the days already seeded exactly.
      const dayNumber = dayStart / 86_400_000;
      // Back-to-back shows from 11:00 to the last start at 22:00, local time.
      let minutes = 11 * 60;
      let slot = 0;
      while (minutes <= 22 * 60) {
        const movie = nowShowing[(screenIndex * 7 + dayNumber * 3 + slot) % nowShowing.length]!;
        const startsAt = localTime(date, minutes, TIME_ZONE);
        const length = TRAILER_MINUTES + movie.runtimeMinutes;
        catalog.showtimes.push({
          id: seedId(`showtime:${screen.id}:${date}:${slot}`),
          movieId: movie.id,
          screenId: screen.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + length * 60_000),
          priceCents: (minutes >= 17 * 60 ? 1450 : 1150) + (screen.name === 'Screen 1' ? 200 : 0),
          currency: 'GBP',
        });
        // Next show after 20 minutes of cleaning, on a quarter hour.
        minutes = Math.ceil((minutes + length + 20) / 15) * 15;
        slot++;
      }
    }
  }
  return catalog;
}

function movieTitle(random: ReturnType<typeof createRandom>): string {
  switch (random.int(0, 4)) {
    case 0:
      return `The ${random.pick(words.adjectives)} ${random.pick(words.nouns)}`;
    case 1:
      return `${random.pick(words.nouns)} of ${random.pick(words.places)}`;
    case 2:
      return `${random.pick(words.adjectives)} ${random.pick(words.nouns)}`;
    case 3:
      return `${random.pick(words.firstNames)}'s ${random.pick(words.nouns)}`;
    default:
      return `The ${random.pick(words.nouns)} ${random.pick(['Returns', 'Rises', 'Awakens', 'Falls', 'Protocol', 'Affair'])}`;
  }
}

function synopsis(random: ReturnType<typeof createRandom>): string {
  const who = random.pick(words.roles);
  const what = random.pick(words.discoveries);
  const where = random.pick(words.places);
  return `When ${withArticle(who)} in ${where} stumbles upon ${what}, they must ${random.pick(words.goals)}. ${random.pick(words.twists)}`;
}

/** "a retired detective", "an ambitious chef": the article the next sound takes. */
export function withArticle(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** Back rows are premium; the row-A end seats are wheelchair spaces. */
function seatType(rowIndex: number, number: number, rows: number, perRow: number): SeatType {
  if (rowIndex === 0 && (number <= 2 || number > perRow - 2)) return 'ACCESSIBLE';
  if (rowIndex >= rows - 2) return 'PREMIUM';
  return 'STANDARD';
}

/** The UTC instant of a local wall-clock time (minutes after midnight) in a time zone. */
export function localTime(date: string, minutes: number, timeZone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const offsetMinutes = (instant: number) => {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  return new Date(guess - offsetMinutes(guess - offsetMinutes(guess) * 60_000) * 60_000);
}
