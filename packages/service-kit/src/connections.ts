import type { GraphQLError } from 'graphql';
import { badInput } from './errorCodes.ts';
import { UUID } from './ids.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfo;
}

/** A page whose total is counted only when a client asks for `totalCount`. */
export type CountedConnection<Node> = Connection<Node> & { countTotal: () => Promise<number> };

/** `first` must be 1..100; absent means the default page size. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return first;
}

/** Cursors are opaque to clients: base64url of the JSON keyset position. */
export function encodeCursor(position: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The answer to a cursor that parses but holds values this list never wrote. */
export function invalidCursor(): GraphQLError {
  return badInput('"after" is not a cursor this list gave out.', 'after');
}

export function decodeCursor(cursor: string | null | undefined, arity: number): unknown[] | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(position) && position.length === arity) return position;
  } catch {
    // fall through to the error below
  }
  throw invalidCursor();
}

/**
 * Decodes the cursor of a list ordered by (timestamp, id), e.g. (createdAt, id):
 * null for the first page, BAD_USER_INPUT for anything this list did not write.
 */
export function decodeTimeCursor(
  cursor: string | null | undefined,
): { at: Date; id: string } | null {
  const position = decodeCursor(cursor, 2);
  if (!position) return null;
  const [at, id] = position;
  const date = new Date(typeof at === 'string' ? at : Number.NaN);
  if (Number.isNaN(date.getTime()) || typeof id !== 'string' || !UUID.test(id))
    throw invalidCursor();
  return { at: date, id };
}

/**
 * Builds a connection from rows fetched with `LIMIT size + 1`: the extra row only says
 * that there is a next page.
 */
export function toConnection<Row, Node = Row>(
  rows: Row[],
  size: number,
  cursorOf: (row: Row) => readonly unknown[],
  hasPreviousPage: boolean,
  toNode: (row: Row) => Node = (row) => row as unknown as Node,
): Connection<Node> {
  const page = rows.slice(0, size);
  const edges = page.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

type Earlier<Time extends string> = { [K in Time]: { lt: Date } };
type SameTimeSmallerId<Time extends string, Id extends string> = { [K in Time]: Date } & {
  [K in Id]: { lt: string };
};

/**
 * The Prisma `where` part for the rows after a `decodeTimeCursor` position in newest-first
 * order (`orderBy: [{ <time>: 'desc' }, { <id>: 'desc' }]`): an earlier time, or the same
 * time and a smaller id. Empty for the first page.
 */
export function olderThan<Time extends string, Id extends string>(
  position: { at: Date; id: string } | null,
  timeField: Time,
  idField: Id,
): { OR?: (Earlier<Time> | SameTimeSmallerId<Time, Id>)[] } {
  if (!position) return {};
  return {
    OR: [
      { [timeField]: { lt: position.at } } as Earlier<Time>,
      { [timeField]: position.at, [idField]: { lt: position.id } } as SameTimeSmallerId<Time, Id>,
    ],
  };
}
