/** An AMQP error as the broker would raise it: its reply code, and the text RabbitMQ sends. */
export class BusError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = 'BusError';
  }
}
