import type { TestStack } from '@cinegraph/stack/testing';

/**
 * A showtime far enough ahead that its bookings can still be cancelled (the cut-off is an
 * hour before it starts) whatever time of day the tests run.
 */
export async function bookableShowtimeId(stack: TestStack): Promise<string> {
  const response = await stack.graphql<{
    showtimes: { edges: { node: { id: string; startsAt: string } }[] };
  }>('{ showtimes(first: 100) { edges { node { id startsAt } } } }');
  const soonest = Date.now() + 3 * 3_600_000;
  const showtime = response.data!.showtimes.edges.find(
    ({ node }) => Date.parse(node.startsAt) > soonest,
  );
  if (!showtime) throw new Error('The seed has no showtime three hours ahead.');
  return showtime.node.id;
}

/** The ids of a showtime's seats, row by row. */
export async function seatIdsOf(stack: TestStack, showtimeId: string): Promise<string[]> {
  const response = await stack.graphql<{
    showtime: { seatMap: { seats: { id: string }[] }[] };
  }>('query ($id: ID!) { showtime(id: $id) { seatMap { seats { id } } } }', {
    variables: { id: showtimeId },
  });
  return response.data!.showtime.seatMap.flatMap((row) => row.seats.map((seat) => seat.id));
}
