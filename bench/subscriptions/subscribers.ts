import { WebSocket } from 'ws';

/**
 * Many graphql-ws subscribers, as lean as the protocol allows (a graphql-ws client object
 * per socket would cost the load generator more CPU than the gateway under test).
 */
export async function openSubscribers(url: string, query: string, showtimeIds: string[]) {
  let measuring = false;
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  const subscribe = (showtimeId: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      socket.once('error', reject);
      socket.on('open', () => socket.send('{"type":"connection_init","payload":{}}'));
      socket.on('message', (data: Buffer) => {
        const text = data.toString();
        if (text.startsWith('{"id"')) {
          if (!measuring) return;
          const at = text.indexOf('"occurredAt":"');
          if (at < 0) return;
          const occurredAt = Date.parse(text.slice(at + 14, text.indexOf('"', at + 14)));
          latencies.push(Date.now() - occurredAt);
          return;
        }
        const message = JSON.parse(text) as { type: string };
        if (message.type === 'connection_ack') {
          socket.send(
            JSON.stringify({
              id: '1',
              type: 'subscribe',
              payload: { query, variables: { showtimeId } },
            }),
          );
          resolve(socket);
        } else if (message.type === 'ping') socket.send('{"type":"pong"}');
      });
    });
  // In batches, as a crowd of phones would arrive, not all in one instant.
  for (let i = 0; i < showtimeIds.length; i += 250)
    sockets.push(...(await Promise.all(showtimeIds.slice(i, i + 250).map(subscribe))));
  return {
    startMeasuring() {
      latencies.length = 0;
      measuring = true;
    },
    stopMeasuring() {
      measuring = false;
      return latencies.slice();
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
