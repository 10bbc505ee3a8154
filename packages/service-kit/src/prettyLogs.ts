import type { PrettyOptions } from 'pino-pretty';
import { PinoPretty, prettyFactory } from 'pino-pretty';

/** `LOG_FORMAT`: `auto` is `pretty` on a terminal and `json` anywhere else. */
export type LogFormatSetting = 'auto' | 'json' | 'pretty';
export type LogFormat = 'json' | 'pretty';

/** What `auto` means for a stream: people read terminals, machines read everything else. */
export function resolveLogFormat(
  setting: LogFormatSetting,
  stream: { isTTY?: boolean } = process.stdout,
): LogFormat {
  if (setting !== 'auto') return setting;
  return stream.isTTY ? 'pretty' : 'json';
}

type ColorName =
  | 'magenta'
  | 'cyan'
  | 'yellow'
  | 'redBright'
  | 'yellowBright'
  | 'greenBright'
  | 'blueBright'
  | 'green'
  | 'white'
  | 'gray';
type Colors = Record<ColorName, (text: string) => string>;

/** Each process keeps its colour in every terminal line, so one service's lines can be followed. */
const serviceColors: Record<string, keyof Colors> = {
  users: 'magenta',
  movies: 'cyan',
  reviews: 'yellow',
  watchlists: 'redBright',
  bookings: 'yellowBright',
  payments: 'greenBright',
  notifications: 'blueBright',
  gateway: 'green',
  start: 'white',
};

/** Wide enough for the longest name (`notifications`), so messages line up. */
const NAME_WIDTH = 13;

/** The service's name, padded and in its colour: the prefix of each of its terminal lines. */
export function serviceLabel(service: string, colors: Colors): string {
  const color = colors[serviceColors[service] ?? 'gray'];
  return color(service.padEnd(NAME_WIDTH));
}

/**
 * pino-pretty's options for our lines: `[12:04:31] INFO: movies        ready to serve at ...`,
 * one line each (an error's stack follows on its own lines), with the fields every line
 * repeats left out. Levels keep pino-pretty's colours: warnings yellow, errors red.
 */
export function prettyLogOptions(): PrettyOptions {
  return {
    // Left to pino-pretty: colours on a terminal that shows them, unless NO_COLOR is set.
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    // What every line of a process repeats, and the part of it (`component`) that the
    // message already names; JSON keeps them all.
    ignore: 'pid,hostname,service,requestId,component',
    // The message in the terminal's own colour; the service name carries the colour.
    customColors: 'message:reset,greyMessage:gray',
    messageFormat: (log, messageKey, _levelLabel, { colors }) => {
      const message = String(log[messageKey] ?? '');
      const service = log['service'];
      return typeof service === 'string' && service
        ? `${serviceLabel(service, colors as unknown as Colors)} ${message}`
        : message;
    },
  };
}

/** A stream that pino writes to, printing each entry pretty on stdout, synchronously. */
export function createPrettyStream() {
  return PinoPretty({ ...prettyLogOptions(), sync: true, destination: 1 });
}

/**
 * Turns one JSON log line (another process's output) into its pretty form, without the
 * trailing newline. A line that is not a log entry comes back as it was.
 */
export function createLinePrettifier(): (line: string) => string {
  const pretty = prettyFactory(prettyLogOptions());
  return (line) => pretty(line).replace(/\n$/, '');
}
