/** Row and number as printed on the ticket, e.g. F12. */
export const seatLabel = (seat: { row: string; number: number }) => `${seat.row}${seat.number}`;
