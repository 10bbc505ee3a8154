import type { PrismaClient, SeatType } from '../generated/prisma/client.ts';
import { seatLabel } from './seatLabel.ts';

export interface LayoutSeat {
  id: string;
  label: string;
  type: SeatType;
}

/** A screen's seats, rows from the front, each row's seats from left to right. */
export interface SeatLayout {
  rows: readonly { label: string; seats: readonly LayoutSeat[] }[];
  /** Every seat's id, in the same order. */
  seatIds: readonly string[];
}

export interface SeatLayouts {
  /** The layout of each of these screens; an empty one for a screen with no seats yet. */
  of(screenIds: readonly string[]): Promise<Map<string, SeatLayout>>;
}

/** Screens are few (dozens); the bound only keeps a long-lived process from growing. */
const MAX_SCREENS = 1_000;

/**
 * Seat layouts kept in process memory: a screen's seats never change once the catalog
 * backfill has written them (src/catalog/knownCatalog.ts), so each screen is read once,
 * on first use, and shared by every request. Two requests asking for a screen at the same
 * time share one query. A screen with no seats is not kept: its seats may not have been
 * backfilled yet, and the next request asks again. The least recently used screen goes
 * first past `maxScreens`.
 */
export function createSeatLayouts(
  db: Pick<PrismaClient, 'knownSeat'>,
  maxScreens = MAX_SCREENS,
): SeatLayouts {
  const layouts = new Map<string, Promise<SeatLayout>>();
  const forget = (screenId: string, layout: Promise<SeatLayout>) => {
    if (layouts.get(screenId) === layout) layouts.delete(screenId);
  };

  /** Reads these screens' seats in one query: a pending layout for each screen. */
  function load(screenIds: string[]): Map<string, Promise<SeatLayout>> {
    const byScreen = db.knownSeat
      .findMany({
        where: { screenId: { in: screenIds } },
        orderBy: [{ row: 'asc' }, { number: 'asc' }],
      })
      .then((seats) => {
        const grouped = new Map<string, typeof seats>();
        for (const seat of seats) {
          const group = grouped.get(seat.screenId);
          if (group) group.push(seat);
          else grouped.set(seat.screenId, [seat]);
        }
        return grouped;
      });
    return new Map(
      screenIds.map((screenId) => {
        const layout = byScreen.then((grouped) => layoutOf(grouped.get(screenId) ?? []));
        // Neither an empty screen nor a failed read is kept (the caller hears of a failure
        // through `layout` itself).
        layout.then(
          ({ seatIds }) => {
            if (!seatIds.length) forget(screenId, layout);
          },
          () => forget(screenId, layout),
        );
        return [screenId, layout];
      }),
    );
  }

  return {
    async of(screenIds) {
      const unique = [...new Set(screenIds)];
      const missing = unique.filter((screenId) => !layouts.has(screenId));
      const loaded = missing.length ? load(missing) : new Map<string, Promise<SeatLayout>>();
      const pending = unique.map((screenId) => {
        const layout = layouts.get(screenId) ?? loaded.get(screenId)!;
        // Most recently used last: the first in the map are the first to go.
        layouts.delete(screenId);
        layouts.set(screenId, layout);
        return layout;
      });
      for (const screenId of layouts.keys()) {
        if (layouts.size <= maxScreens) break;
        layouts.delete(screenId);
      }
      const found = await Promise.all(pending);
      return new Map(unique.map((screenId, i) => [screenId, found[i]!]));
    },
  };
}

function layoutOf(
  seats: { id: string; row: string; number: number; type: SeatType }[],
): SeatLayout {
  const rows = new Map<string, LayoutSeat[]>();
  for (const seat of seats) {
    const row = rows.get(seat.row) ?? [];
    row.push({ id: seat.id, label: seatLabel(seat), type: seat.type });
    rows.set(seat.row, row);
  }
  return {
    rows: [...rows].map(([label, rowSeats]) => ({ label, seats: rowSeats })),
    seatIds: seats.map((seat) => seat.id),
  };
}
