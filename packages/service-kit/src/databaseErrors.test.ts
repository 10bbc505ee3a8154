import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isMissingRow, isUniqueViolation, mapDatabaseError } from './databaseErrors.ts';

/** What a subgraph's Prisma client throws: its own class, recognised by name and code. */
function prismaError(code: string): Error & { code: string } {
  return Object.assign(new Error(`Prisma error ${code}`), {
    name: 'PrismaClientKnownRequestError',
    code,
    clientVersion: '7.0.0',
  });
}

describe('isUniqueViolation', () => {
  it('is true for a Prisma unique constraint violation', () => {
    expect(isUniqueViolation(prismaError('P2002'))).toBe(true);
  });

  it('is false for any other Prisma error, and for errors that are not Prisma’s', () => {
    expect(isUniqueViolation(prismaError('P2025'))).toBe(false);
    expect(isUniqueViolation(prismaError('P2003'))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error('duplicate key'), { code: 'P2002' }))).toBe(
      false,
    );
    expect(isUniqueViolation(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(
      false,
    );
    expect(isUniqueViolation(new GraphQLError('That already exists.'))).toBe(false);
    expect(isUniqueViolation(undefined)).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation('P2002')).toBe(false);
  });
});

describe('isMissingRow', () => {
  it('is true for a write that found no row, false for anything else', () => {
    expect(isMissingRow(prismaError('P2025'))).toBe(true);
    expect(isMissingRow(prismaError('P2002'))).toBe(false);
    expect(isMissingRow(Object.assign(new Error('not found'), { code: 'P2025' }))).toBe(false);
    expect(isMissingRow(undefined)).toBe(false);
  });
});

describe('mapDatabaseError', () => {
  const codeOf = (error: unknown) => (error as GraphQLError).extensions?.code;

  it('maps a unique violation to CONFLICT, a missing row to NOT_FOUND, a foreign key to BAD_USER_INPUT', () => {
    expect(codeOf(mapDatabaseError(prismaError('P2002')))).toBe('CONFLICT');
    expect(codeOf(mapDatabaseError(prismaError('P2025')))).toBe('NOT_FOUND');
    expect(codeOf(mapDatabaseError(prismaError('P2003')))).toBe('BAD_USER_INPUT');
  });

  it('returns anything else unchanged, to be masked', () => {
    const timeout = prismaError('P1008');
    const plain = new Error('connection refused');
    expect(mapDatabaseError(timeout)).toBe(timeout);
    expect(mapDatabaseError(plain)).toBe(plain);
  });
});
