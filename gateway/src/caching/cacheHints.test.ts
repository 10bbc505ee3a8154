import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { policyOf, readCacheHints } from './cacheHints.ts';

// A schema written as a subgraph would, with Apollo Server's directive: the hints are read
// from the same SDL (for a supergraph, composition keeps them where they were written).
const sdl = `
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)
    on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  enum CacheControlScope { PUBLIC PRIVATE }

  type Movie @cacheControl(maxAge: 60) {
    id: ID!
    title: String!
    credits: [Credit!]!
    "Composite, no hint: 0 unless it inherits."
    studio: Studio
    inheritedStudio: Studio @cacheControl(inheritMaxAge: true)
    viewerRating: Int @cacheControl(scope: PRIVATE)
    seats: Int @cacheControl(maxAge: 0)
    related: [Media!]!
  }
  type Studio { name: String! }
  type Credit @cacheControl(maxAge: 30) { name: String! }
  interface Media { id: ID! title: String! }
  type Book implements Media @cacheControl(maxAge: 120) { id: ID! title: String! }
  type Film implements Media @cacheControl(maxAge: 20) {
    id: ID!
    title: String! @cacheControl(maxAge: 5)
  }
  type Song implements Media { id: ID! title: String! }
  union Hit = Book | Film
  union Anything = Book | Song
  type Query {
    movie(id: ID!): Movie
    hit: Hit
    anything: Anything
    media: [Media!]!
    me: String @cacheControl(maxAge: 60, scope: PRIVATE)
    time: String
    config: Studio @cacheControl(maxAge: 10)
  }
`;
const schema = buildSchema(sdl);
const hints = readCacheHints(parse(sdl));
const policy = (query: string, operationName?: string) =>
  policyOf(schema, hints, parse(query), operationName);

describe('policyOf', () => {
  it('takes the type hint of a root field, and inherits it in its scalars', () => {
    expect(policy('{ movie(id: 1) { id title } }')).toEqual({ maxAge: 60, scope: 'PUBLIC' });
  });

  it('is the lowest maxAge of the fields selected', () => {
    expect(policy('{ movie(id: 1) { title credits { name } } }')).toEqual({
      maxAge: 30,
      scope: 'PUBLIC',
    });
    expect(policy('{ movie(id: 1) { title seats } }').maxAge).toBe(0);
  });

  it('makes a root field or an object field without a hint uncacheable, unless it inherits', () => {
    expect(policy('{ time }').maxAge).toBe(0);
    expect(policy('{ movie(id: 1) { studio { name } } }').maxAge).toBe(0);
    expect(policy('{ movie(id: 1) { inheritedStudio { name } } }')).toEqual({
      maxAge: 60,
      scope: 'PUBLIC',
    });
    expect(policy('{ config { name } }').maxAge).toBe(10);
  });

  it('is PRIVATE when any field selected is, even when another makes it uncacheable', () => {
    expect(policy('{ movie(id: 1) { title viewerRating } }')).toEqual({
      maxAge: 60,
      scope: 'PRIVATE',
    });
    expect(policy('{ me }')).toEqual({ maxAge: 60, scope: 'PRIVATE' });
    expect(policy('{ time me }')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
    expect(policy('{ movie(id: 1) { seats viewerRating } }')).toEqual({
      maxAge: 0,
      scope: 'PRIVATE',
    });
  });

  it('reads the fields of fragments, named and inline, and ignores @skip and @include', () => {
    expect(
      policy(`
        query Page($skip: Boolean!) { movie(id: 1) { ...Movie } }
        fragment Movie on Movie { title ... @skip(if: $skip) { viewerRating } }
      `),
    ).toEqual({ maxAge: 60, scope: 'PRIVATE' });
  });

  it('takes the strictest of every type an abstract field may be', () => {
    // A union of Book (120) and Film (20): 20, whichever the answer holds.
    expect(policy('{ hit { ... on Book { id } } }').maxAge).toBe(20);
    // Song has no hint: an answer holding a Song would not be cacheable, so neither is this.
    expect(policy('{ anything { __typename } }').maxAge).toBe(0);
    // A field selected on the interface resolves on one of its types: Film's title is 5.
    expect(policy('{ movie(id: 1) { related { id title } } }').maxAge).toBe(0);
    expect(policy('{ hit { ... on Media { title } } }').maxAge).toBe(5);
  });

  it('picks the operation by name, and is uncacheable for none or an unknown one', () => {
    const document = 'query A { time } query B { movie(id: 1) { title } }';
    expect(policy(document, 'B').maxAge).toBe(60);
    expect(policy(document, 'A').maxAge).toBe(0);
    expect(policy(document).maxAge).toBe(0);
    expect(policy(document, 'C').maxAge).toBe(0);
  });

  it('counts introspection as uncacheable', () => {
    expect(policy('{ movie(id: 1) { title } __schema { queryType { name } } }').maxAge).toBe(0);
    expect(policy('{ __typename }').maxAge).toBe(0);
  });

  it('walks a fragment spread at every level once (linear, however it doubles)', () => {
    const levels = 40;
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Movie { title ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    const started = performance.now();
    expect(
      policy(`{ movie(id: 1) { ...F0 } } ${fragments} fragment F${levels} on Movie { id }`).maxAge,
    ).toBe(60);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe("the CineGraph supergraph's hints", () => {
  const supergraphSdl = readFileSync(
    path.resolve(import.meta.dirname, '../../../supergraph.graphql'),
    'utf8',
  );
  const api = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const cinegraph = readCacheHints(parse(supergraphSdl));
  const of = (query: string) => policyOf(api, cinegraph, parse(query));

  it('cache the public catalog for everyone', () => {
    expect(
      of(`{
        movies(first: 5) { edges { node { title genres { name } cast { person { name } }
          ratingSummary { average distribution { rating count } }
          reviews(first: 3) { edges { node { body author { displayName } } } } } } }
        theaters { name screens { seatRows { seats { label } } } }
        showtimes(first: 3) { edges { node { startsAt price { amountCents } } } }
      }`),
    ).toEqual({ maxAge: 60, scope: 'PUBLIC' });
  });

  it("keep the viewer's own data PRIVATE", () => {
    expect(of('{ me { displayName } }')).toEqual({ maxAge: 60, scope: 'PRIVATE' });
    expect(of('{ movie(id: 1) { title inViewerWatchlist } }').scope).toBe('PRIVATE');
    expect(of('{ review(id: 1) { viewerMarkedHelpful } }').scope).toBe('PRIVATE');
    expect(of('{ me { watchlist { edges { node { movie { title } } } } } }')).toEqual({
      maxAge: 60,
      scope: 'PRIVATE',
    });
    expect(of('{ review(id: 1) { author { email } } }').scope).toBe('PRIVATE');
  });

  it('never cache seat availability, bookings, payments or notifications', () => {
    expect(of('{ showtime(id: 1) { availableSeatCount } }').maxAge).toBe(0);
    expect(of('{ showtime(id: 1) { seatMap { seats { status } } } }').maxAge).toBe(0);
    expect(of('{ booking(id: 1) { status payment { status } } }')).toEqual({
      maxAge: 0,
      scope: 'PRIVATE',
    });
    expect(of('{ me { bookings { totalCount } } }')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
    expect(of('{ me { unreadNotificationCount } }')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
    expect(of('{ users { totalCount } }')).toEqual({ maxAge: 0, scope: 'PRIVATE' });
  });
});
