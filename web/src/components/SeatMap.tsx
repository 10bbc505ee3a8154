import type { KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import { formatMoney } from '../format.ts';
import type { SeatMapQuery } from '../gql/graphql.ts';

type Row = NonNullable<SeatMapQuery['showtime']>['seatMap'][number];
type Seat = Row['seats'][number];

const legend = [
  ['seat-available', 'Available'],
  ['seat-selected', 'Selected'],
  ['seat-mine', 'Held for you'],
  ['seat-held', 'Held by someone'],
  ['seat-sold', 'Sold'],
  ['seat-premium seat-available', 'Premium'],
  ['seat-accessible seat-available', 'Wheelchair accessible'],
] as const;

const typeLabel = { STANDARD: 'standard', PREMIUM: 'premium', ACCESSIBLE: 'wheelchair accessible' };

/**
 * The seats of a showtime, front row first. A seat is a toggle button; arrow keys move
 * between seats (one tab stop for the whole map), Space or Enter picks one. Seats that are
 * held or sold stay focusable and say so, but cannot be picked.
 */
export function SeatMap({
  rows,
  currency,
  selected,
  mine,
  onToggle,
}: {
  rows: Row[];
  currency: string;
  /** Picked, not held yet. */
  selected: ReadonlySet<string>;
  /** In this user's current hold. */
  mine: ReadonlySet<string>;
  onToggle: (seat: Seat) => void;
}) {
  const grid = rows.map((row) => row.seats);
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const buttons = useRef(new Map<string, HTMLButtonElement>());

  const move = (event: KeyboardEvent, row: number, column: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowRight: [row, column + 1],
      ArrowLeft: [row, column - 1],
      ArrowDown: [row + 1, column],
      ArrowUp: [row - 1, column],
      Home: [row, 0],
      End: [row, (grid[row]?.length ?? 1) - 1],
    };
    const target = moves[event.key];
    if (!target) return;
    event.preventDefault();
    const nextRow = Math.min(Math.max(target[0], 0), grid.length - 1);
    const seats = grid[nextRow] ?? [];
    const nextColumn = Math.min(Math.max(target[1], 0), seats.length - 1);
    const seat = seats[nextColumn];
    if (!seat) return;
    setFocus([nextRow, nextColumn]);
    buttons.current.get(seat.id)?.focus();
  };

  return (
    <div className="seat-map" role="group" aria-label="Seat map (screen at the front)">
      <div className="screen" aria-hidden="true">
        Screen
      </div>
      {rows.map((row, r) => (
        <div className="seat-row" role="group" aria-label={`Row ${row.label}`} key={row.label}>
          <span className="row-label" aria-hidden="true">
            {row.label}
          </span>
          {row.seats.map((seat, c) => {
            const number = seat.label.slice(row.label.length);
            const isMine = mine.has(seat.id);
            const isSelected = selected.has(seat.id);
            const unavailable = seat.status !== 'AVAILABLE' && !isMine;
            const state = isMine
              ? 'held for you'
              : isSelected
                ? 'selected'
                : seat.status === 'AVAILABLE'
                  ? 'available'
                  : seat.status === 'HELD'
                    ? 'unavailable, held by someone'
                    : 'sold';
            return (
              <button
                key={seat.id}
                ref={(element) => {
                  if (element) buttons.current.set(seat.id, element);
                  else buttons.current.delete(seat.id);
                }}
                type="button"
                className={`seat seat-${seat.type.toLowerCase()} ${isMine ? 'seat-mine' : isSelected ? 'seat-selected' : `seat-${seat.status.toLowerCase()}`}`}
                data-seat={seat.label}
                data-status={isMine ? 'MINE' : seat.status}
                tabIndex={focus[0] === r && focus[1] === c ? 0 : -1}
                aria-pressed={isSelected || isMine}
                aria-disabled={unavailable || isMine}
                // Starts with what the button shows (the seat number), for voice control.
                aria-label={`Seat ${number} row ${row.label}, ${typeLabel[seat.type]}, ${formatMoney(seat.priceCents, currency)}, ${state}`}
                onFocus={() => setFocus([r, c])}
                onKeyDown={(event) => move(event, r, c)}
                onClick={() => {
                  if (!unavailable && !isMine) onToggle(seat);
                }}
              >
                {number}
              </button>
            );
          })}
        </div>
      ))}
      <ul className="legend" aria-label="Key">
        {legend.map(([className, text]) => (
          <li key={text}>
            <span className={`seat ${className}`} /> {text}
          </li>
        ))}
      </ul>
    </div>
  );
}
