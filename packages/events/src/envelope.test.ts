import { describe, expect, it } from 'vitest';
import { createEnvelope, MalformedEventError, parseEnvelope } from './envelope.ts';

const data = {
  userId: '0190b6f2-8a4e-7c3d-9f21-5a6b7c8d9e0f',
  email: 'ada@example.test',
  displayName: 'Ada',
};

describe('event envelopes', () => {
  it('get time-ordered unique ids', () => {
    const ids = Array.from({ length: 50 }, () => createEnvelope('user.registered', data).id);
    expect(new Set(ids).size).toBe(50);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('round-trip through JSON, trace context included', () => {
    const event = createEnvelope('user.registered', data, {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    expect(parseEnvelope(Buffer.from(JSON.stringify(event)))).toEqual(event);
  });

  it('name their producer; one without (an earlier version’s) is taken as the owner’s', () => {
    const event = createEnvelope('user.registered', data);
    expect(event.producer).toBe('users');
    const { producer: _, ...earlier } = event;
    expect(parseEnvelope(Buffer.from(JSON.stringify(earlier))).producer).toBe('users');
  });

  it('refuse to build an event whose data breaks its schema', () => {
    expect(() => createEnvelope('user.registered', { ...data, email: 'nope' })).toThrow(
      /Invalid user.registered event/,
    );
  });

  it.each([
    ['not JSON', '{', 'the body is not JSON'],
    ['not an envelope', '[1,2]', 'not an event envelope'],
    ['an unknown type', { type: 'user.vanished' }, 'unknown event type "user.vanished"'],
    ['data failing its schema', { data: { email: 'x' } }, 'invalid user.registered data'],
  ])('say why a message is malformed: %s', (_, body, reason) => {
    const event = createEnvelope('user.registered', data);
    const raw = typeof body === 'string' ? body : JSON.stringify({ ...event, ...body });
    expect(() => parseEnvelope(Buffer.from(raw))).toThrow(MalformedEventError);
    expect(() => parseEnvelope(Buffer.from(raw))).toThrow(reason);
  });
});
