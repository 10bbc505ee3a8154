import { WebSocket } from 'ws';

/** One subscriber: the showtime whose seat map it follows, and its access token if signed in. */
export interface SubscriberSpec {
  showtimeId: string;
  token?: string;
}

/**
 * Which run a seat change belongs to, by `changeKey`: the warm-up (its events are counted
 * apart) or the measured one.
 */
export type Phase = 'warm-up' | 'measured';

/** A change as its events name it: the showtime and the seat it put on hold. */
export const changeKey = (showtimeId: string, seatId: string) => `${showtimeId} ${seatId}`;

const HELD_SEAT = /"seatId":"([^"]+)","status":"HELD"/;

/**
 * Many graphql-ws subscribers, as lean as the protocol allows (a graphql-ws client object
 * per socket would cost the load generator more CPU than the gateway under test). Each
 * event is matched to the change it announces (the seat it holds) and counted by that
 * change's phase: a warm-up change's event arriving late is not taken for a measured one,
 * so a measured change some subscriber never heard of is exactly one missed event.
 */
export async function openSubscribers(
  url: string,
  query: string,
  specs: readonly SubscriberSpec[],
  phaseOf: ReadonlyMap<string, Phase>,
) {
  const latencies: number[] = [];
  /** Per subscriber, the measured changes it heard of. */
  const heard = specs.map(() => new Set<string>());
  let warmUpEvents = 0;
  /** Events of no known change, or a second one of a change: there should be none. */
  let unexpected = 0;
  const sockets: WebSocket[] = [];

  const subscribe = (spec: SubscriberSpec, index: number) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      socket.once('error', reject);
      socket.on('open', () =>
        socket.send(
          JSON.stringify({
            type: 'connection_init',
            payload: spec.token ? { authorization: `Bearer ${spec.token}` } : {},
          }),
        ),
      );
      socket.on('message', (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('{"id"')) {
          const at = text.indexOf('"occurredAt":"');
          if (at < 0) return; // complete, or an error
          const seat = HELD_SEAT.exec(text);
          const key = seat && changeKey(spec.showtimeId, seat[1]!);
          const phase = key && phaseOf.get(key);
          if (phase === 'warm-up') warmUpEvents++;
          else if (!key || phase !== 'measured' || heard[index]!.has(key)) unexpected++;
          else {
            heard[index]!.add(key);
            const occurredAt = Date.parse(text.slice(at + 14, text.indexOf('"', at + 14)));
            latencies.push(Date.now() - occurredAt);
          }
          return;
        }
        const message = JSON.parse(text) as { type: string };
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query, variables: { showtimeId: spec.showtimeId } },
            }),
          );
          resolve(socket);
        } else if (message.type === 'ping') socket.send('{"type":"pong"}');
      });
    });
  // In batches, as a crowd of phones would arrive, not all in one instant.
  for (let i = 0; i < specs.length; i += 250)
    sockets.push(
      ...(await Promise.all(specs.slice(i, i + 250).map((spec, j) => subscribe(spec, i + j)))),
    );
  return {
    /** Delivery latencies (ms) of the measured changes' events so far. */
    latencies: () => latencies.slice(),
    /** Measured changes' events received so far. */
    received: () => latencies.length,
    warmUpEvents: () => warmUpEvents,
    unexpected: () => unexpected,
    /** Events not received: each subscriber's measured changes of its showtime it did not hear of. */
    missed(changesOf: ReadonlyMap<string, readonly string[]>): number {
      let missed = 0;
      specs.forEach((spec, index) => {
        for (const key of changesOf.get(spec.showtimeId) ?? [])
          if (!heard[index]!.has(key)) missed++;
      });
      return missed;
    },
    async close() {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              socket.once('close', () => resolve());
              socket.close(1000);
            }),
        ),
      );
    },
  };
}
