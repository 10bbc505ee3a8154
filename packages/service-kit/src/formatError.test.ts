import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createError } from './errorCodes.ts';
import { createFormatError } from './formatError.ts';

function format(error: unknown) {
  const logged: object[] = [];
  const formatError = createFormatError({ error: (object) => logged.push(object) });
  const wrapped =
    error instanceof GraphQLError
      ? error
      : new GraphQLError('boom', { originalError: error as Error, path: ['field'] });
  const formatted = formatError(
    { ...wrapped.toJSON(), extensions: { ...wrapped.extensions, stacktrace: ['at secret.ts:1'] } },
    wrapped,
  );
  return { formatted, logged };
}

describe('formatError', () => {
  it('passes errors raised on purpose through, without stack traces', () => {
    const { formatted, logged } = format(createError('FORBIDDEN', 'Not yours.'));
    expect(formatted).toEqual({ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } });
    expect(logged).toEqual([]);
  });

  it('maps a unique violation to CONFLICT', () => {
    const prismaError = Object.assign(new Error('Unique constraint failed'), {
      name: 'PrismaClientKnownRequestError',
      code: 'P2002',
    });
    expect(format(prismaError).formatted.extensions).toEqual({ code: 'CONFLICT' });
  });

  it('masks and logs anything unexpected', () => {
    const { formatted, logged } = format(new Error('connection string postgres://secret'));
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['field'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toHaveLength(1);
  });
});
