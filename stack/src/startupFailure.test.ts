import { describe, expect, it } from 'vitest';
import { explainExitedProcess, portVariableOf } from './startupFailure.ts';

const entry = (fields: object) =>
  JSON.stringify({ level: 60, time: 0, service: 'movies', ...fields });

describe('why a process stopped while starting, in one sentence', () => {
  it('names the variable of each port', () => {
    expect(portVariableOf('notifications')).toBe('NOTIFICATIONS_PORT');
    expect(portVariableOf('web')).toBe('WEB_PORT');
  });

  it('a port taken after the check: the port and the variable that moves it', () => {
    const lines = [
      entry({ msg: 'could not start', err: { message: 'listen EADDRINUSE', code: 'EADDRINUSE' } }),
    ];
    expect(explainExitedProcess('movies', 4002, lines)).toBe(
      'movies could not listen on port 4002, which another program took while CineGraph started: stop that program, or set MOVIES_PORT to a free port.',
    );
  });

  it('a dependency that does not answer: which one, where, and the variable that points elsewhere', () => {
    const lines = [
      entry({ msg: 'could not start', err: { message: 'connect ECONNREFUSED 127.0.0.1:6379' } }),
    ];
    expect(explainExitedProcess('bookings', 4005, lines)).toBe(
      'bookings could not reach Redis at 127.0.0.1:6379: start it, or point REDIS_URL at a running one (or run CINEGRAPH_MODE=embedded npm start, which needs none).',
    );
  });

  it('a configuration it refused: the variables and what is wrong with them', () => {
    const lines = [
      'Invalid configuration:',
      '  HOLD_TTL_SECONDS: Invalid input: expected number, received NaN',
    ];
    expect(explainExitedProcess('bookings', 4005, lines)).toBe(
      'bookings refused its configuration (HOLD_TTL_SECONDS: Invalid input: expected number, received NaN): fix the variables it names.',
    );
  });

  it('anything else: the last error it logged, or threw', () => {
    expect(
      explainExitedProcess('users', 4001, [
        entry({ level: 30, msg: 'starting' }),
        entry({ msg: 'could not start', err: { message: 'the signing key is unreadable' } }),
      ]),
    ).toBe(
      'users stopped while starting: the signing key is unreadable. Its output below says more.',
    );
    expect(
      explainExitedProcess('users', 4001, [
        'file:///x.mjs:1',
        "TypeError: cannot read 'x'",
        '    at y',
      ]),
    ).toBe("users stopped while starting: TypeError: cannot read 'x'. Its output below says more.");
    expect(explainExitedProcess('users', 4001, [])).toBe(
      'users stopped while starting without saying why: its output below is all there is.',
    );
  });
});
