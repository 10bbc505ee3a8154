import type { CountedConnection } from '@cinegraph/service-kit';
import {
  assertUuid,
  badInput,
  decodeTimeCursor,
  pageSize,
  toConnection,
} from '@cinegraph/service-kit';
import type { PrismaClient, Showtime } from '../generated/prisma/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { QueryShowtimesArgs } from '../schema.types.generated.ts';

/** A page of showtimes; the total is counted only when a client asks for it. */
export type ShowtimeConnectionModel = CountedConnection<Showtime>;

/** Showtimes in start order with keyset pagination on (starts_at, id). */
export async function listShowtimes(
  db: PrismaClient,
  // `date` is a local calendar date at the theater (the Date scalar gives UTC midnight).
  args: QueryShowtimesArgs,
): Promise<ShowtimeConnectionModel> {
  const size = pageSize(args.first);
  const conditions: Prisma.Sql[] = [];
  if (args.movieId)
    conditions.push(Prisma.sql`s.movie_id = ${assertUuid(args.movieId, 'movieId')}::uuid`);
  if (args.theaterId)
    conditions.push(Prisma.sql`sc.theater_id = ${assertUuid(args.theaterId, 'theaterId')}::uuid`);
  if (args.city != null) {
    const city = args.city.trim();
    if (!city || city.length > 100) throw badInput('"city" must be 1 to 100 characters.', 'city');
    conditions.push(Prisma.sql`lower(t.city) = lower(${city})`);
  }
  if (args.date) {
    const day = args.date.toISOString().slice(0, 10);
    conditions.push(Prisma.sql`(s.starts_at AT TIME ZONE t.time_zone)::date = ${day}::date`);
  } else {
    conditions.push(Prisma.sql`s.starts_at >= now()`);
  }
  const filtered = [...conditions];

  const after = decodeTimeCursor(args.after);
  if (after) {
    conditions.push(
      Prisma.sql`(s.starts_at, s.id) > (${after.at}::timestamptz, ${after.id}::uuid)`,
    );
  }

  const from = Prisma.sql`FROM showtimes s JOIN screens sc ON sc.id = s.screen_id JOIN theaters t ON t.id = sc.theater_id`;
  const where = (parts: Prisma.Sql[]) => Prisma.sql`WHERE ${Prisma.join(parts, ' AND ')}`;
  const page = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id ${from} ${where(conditions)} ORDER BY s.starts_at, s.id LIMIT ${size + 1}`;
  const showtimes = await db.showtime.findMany({
    where: { id: { in: page.map((row) => row.id) } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  return {
    ...toConnection(showtimes, size, (s) => [s.startsAt.toISOString(), s.id], after !== null),
    countTotal: async () => {
      const [result] = await db.$queryRaw<
        { count: bigint }[]
      >`SELECT count(*) AS count ${from} ${where(filtered)}`;
      return Number(result?.count ?? 0);
    },
  };
}
