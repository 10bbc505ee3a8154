import type { Logger } from 'pino';
import type { StartupTask } from '@cinegraph/service-kit';
import { querySubgraph, startStartupTask } from '@cinegraph/service-kit';
import type { Prisma, PrismaClient, SeatType } from '../generated/prisma/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export interface ShowtimeFacts {
  id: string;
  movieId: string;
  screenId: string;
  startsAt: Date;
  endsAt: Date;
  priceCents: number;
  currency: string;
  movieTitle: string;
  theaterName: string;
  timeZone: string;
  /** Absent from showtime.created events queued before it carried the city. */
  city?: string | null | undefined;
}

/**
 * Records showtimes (immutable once scheduled); a repeat changes nothing, except that it
 * fills in the city of a showtime learnt before the catalog sent cities (the one fact a
 * copy can lack), so the next start-up backfill completes the older rows.
 */
export async function saveShowtimes(db: Db, showtimes: ShowtimeFacts[]): Promise<void> {
  if (!showtimes.length) return;
  await db.knownShowtime.createMany({
    data: showtimes.map(({ city, ...facts }) => ({ ...facts, city: city ?? null })),
    skipDuplicates: true,
  });
  // One statement per city (a handful), touching only rows that still lack one.
  const idsByCity = new Map<string, string[]>();
  for (const { id, city } of showtimes) {
    if (!city) continue;
    const ids = idsByCity.get(city) ?? [];
    ids.push(id);
    idsByCity.set(city, ids);
  }
  for (const [city, ids] of idsByCity)
    await db.knownShowtime.updateMany({ where: { id: { in: ids }, city: null }, data: { city } });
}

const LAYOUTS = /* GraphQL */ `
  query BookingsSeatLayouts {
    theaters {
      screens {
        id
        seatRows {
          seats {
            id
            row
            number
            type
          }
        }
      }
    }
  }
`;
const SHOWTIMES = /* GraphQL */ `
  query BookingsShowtimes($date: Date, $after: String) {
    showtimes(date: $date, first: 100, after: $after) {
      edges {
        node {
          id
          startsAt
          endsAt
          movie {
            id
            title
          }
          screen {
            id
          }
          theater {
            name
            timeZone
            city
          }
          price {
            amountCents
            currency
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Layouts {
  theaters: {
    screens: {
      id: string;
      seatRows: { seats: { id: string; row: string; number: number; type: SeatType }[] }[];
    }[];
  }[];
}
interface ShowtimePage {
  showtimes: {
    edges: {
      node: {
        id: string;
        startsAt: string;
        endsAt: string;
        movie: { id: string; title: string };
        screen: { id: string };
        theater: { name: string; timeZone: string; city: string };
        price: { amountCents: number; currency: string };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/**
 * The calendar dates (YYYY-MM-DD) that are today somewhere: UTC's yesterday, today and
 * tomorrow, since theaters' time zones run from UTC-12 to UTC+14.
 */
export function daysAroundToday(now: Date): string[] {
  return [-1, 0, 1].map((offset) =>
    new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * Copies every screen's seat layout and every showtime that has not started, or that
 * started on a day that is still today at some theater, from the movies subgraph, at
 * start-up, retrying until it succeeds (see docs/known-movies.md for the same pattern).
 * `showtime.created` keeps the showtimes current afterwards; screens and seats never
 * change once seeded. Each showtime's theater city comes too (booking.confirmed carries it).
 */
export function startCatalogBackfill(options: {
  moviesUrl: string;
  db: PrismaClient;
  logger: Logger;
}): StartupTask & { readiness(): Promise<void> } {
  const { moviesUrl, db } = options;
  const task = startStartupTask({
    name: 'showtimes and seats backfill',
    logger: options.logger,
    async run(signal) {
      const query = <Data>(text: string, variables: Record<string, unknown> = {}) =>
        querySubgraph<Data>(moviesUrl, text, variables, {
          clientName: 'bookings-backfill',
          signal,
        });
      const layouts = await query<Layouts>(LAYOUTS);
      const seats = layouts.theaters.flatMap((theater) =>
        theater.screens.flatMap((screen) =>
          screen.seatRows.flatMap((row) =>
            row.seats.map((seat) => ({ ...seat, screenId: screen.id })),
          ),
        ),
      );
      await db.knownSeat.createMany({ data: seats, skipDuplicates: true });
      // Every showtime that has not started, and those of the days that may be today at
      // some theater (its local date): one that started an hour ago is still listed, and
      // its seats still counted, on today's page.
      let showtimes = 0;
      for (const date of [undefined, ...daysAroundToday(new Date())]) {
        let after: string | null = null;
        do {
          const page: ShowtimePage = await query<ShowtimePage>(SHOWTIMES, { date, after });
          await saveShowtimes(
            db,
            page.showtimes.edges.map(({ node }) => ({
              id: node.id,
              movieId: node.movie.id,
              screenId: node.screen.id,
              startsAt: new Date(node.startsAt),
              endsAt: new Date(node.endsAt),
              priceCents: node.price.amountCents,
              currency: node.price.currency,
              movieTitle: node.movie.title,
              theaterName: node.theater.name,
              timeZone: node.theater.timeZone,
              city: node.theater.city,
            })),
          );
          showtimes += page.showtimes.edges.length;
          after = page.showtimes.pageInfo.hasNextPage ? page.showtimes.pageInfo.endCursor : null;
        } while (after);
      }
      return { seats: seats.length, showtimes };
    },
  });
  return {
    ...task,
    async readiness() {
      if (task.isDone()) return;
      if (!(await db.knownSeat.findFirst({ select: { id: true } })))
        throw new Error('no seat layouts known yet: the catalog backfill is pending');
    },
  };
}
