import { buildSchema, getOperationAST, parse, print, stripIgnoredCharacters } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planTagging, readEntityKeys, tagsOf } from './cacheTags.ts';
import { canonicalJson } from './canonicalJson.ts';

const schema = buildSchema(`
  type Movie { id: ID! title: String! reviews: [Review!]! studio: Studio }
  type Review { id: ID! body: String! movie: Movie! author: User! }
  type User { id: ID! name: String! }
  type Studio { name: String! }
  type Seat { row: String! number: Int! }
  type Connection { edges: [Edge!]! total: Int! }
  type Edge { node: Movie! }
  type DeletePayload { id: ID! movie: Movie! }
  type Query {
    movie(id: ID!): Movie
    movies: Connection!
    review(id: ID!): Review
    seat: Seat
    studio: Studio
  }
  type Mutation {
    createReview(movieId: ID!): Review!
    deleteReview(id: ID!): DeletePayload!
  }
`);
// As a supergraph says who the entities are: @join__type(graph:, key:).
const entityKeys = readEntityKeys(
  parse(`
    directive @join__type(graph: String, key: String) repeatable on OBJECT | INTERFACE
    type Movie @join__type(graph: "A", key: "id") @join__type(graph: "B", key: "id") { id: ID! }
    type Review @join__type(graph: "B", key: "id") { id: ID! }
    type User @join__type(graph: "C", key: "id") { id: ID! }
    type Seat @join__type(graph: "D", key: "row number") { row: String! number: Int! }
    type Studio @join__type(graph: "A") { name: String! }
  `),
);

const plan = (query: string) => {
  const document = parse(query);
  return planTagging(schema, entityKeys, document, getOperationAST(document)!);
};
const compact = (query: string) => stripIgnoredCharacters(query);

describe('readEntityKeys', () => {
  it('reads the key fields of each entity, and none for a type without a key', () => {
    expect(Object.fromEntries(entityKeys)).toEqual({
      Movie: ['id'],
      Review: ['id'],
      User: ['id'],
      Seat: ['row', 'number'],
    });
  });

  it('marks an entity whose keys all nest as one that cannot be tagged', () => {
    const keys = readEntityKeys(
      parse('type Pet @join__type(graph: "A", key: "owner { id } name") { name: String! }'),
    );
    expect(keys.get('Pet')).toBeNull();
  });
});

describe('planTagging', () => {
  it("selects every entity's typename and key under reserved aliases, shaping nothing else", () => {
    const tagging = plan(
      '{ movie(id: 1) { title reviews { body author { name } } studio { name } } }',
    );
    expect(compact(print(tagging!.document))).toBe(
      compact(`{ movie(id: 1) {
        title
        reviews { body author { name _cgType: __typename _cgKey_id: id } _cgType: __typename _cgKey_id: id }
        studio { name }
        _cgType: __typename _cgKey_id: id
      } }`),
    );
  });

  it('adds to fragments on entities too, wherever they are spread', () => {
    const tagging = plan('{ movie(id: 1) { ...M } } fragment M on Movie { title }');
    expect(print(tagging!.document)).toContain(
      'fragment M on Movie {\n  title\n  _cgType: __typename\n  _cgKey_id: id\n}',
    );
  });

  it('tags by type what a root field lists or did not find', () => {
    const tagging = plan(
      '{ movies { total } movie(id: 1) { title } seat { row } studio { name } }',
    );
    expect(Object.fromEntries(tagging!.rootTags)).toEqual({
      movies: { always: ['Movie'] },
      movie: { always: [], whenNull: 'Movie' },
      seat: { always: [], whenNull: 'Seat' },
      studio: { always: [] },
    });
  });

  it('finds the root fields of fragments too', () => {
    const tagging = plan(
      '{ ...Root } fragment Root on Query { ... on Query { list: movies { total } } }',
    );
    expect(Object.fromEntries(tagging!.rootTags)).toEqual({ list: { always: ['Movie'] } });
  });

  it("has a mutation's result select the entities it refers to, and name its type as changed", () => {
    const created = plan('mutation { createReview(movieId: 1) { body } }');
    expect(compact(print(created!.document))).toBe(
      compact(`mutation { createReview(movieId: 1) {
        body _cgType: __typename _cgKey_id: id
        _cgHop_movie: movie { _cgType: __typename _cgKey_id: id }
        _cgHop_author: author { _cgType: __typename _cgKey_id: id }
      } }`),
    );
    expect(created!.listTypes).toEqual(['Review']);
    const deleted = plan('mutation { deleteReview(id: 1) { id } }');
    expect(print(deleted!.document)).toContain('_cgHop_movie: movie');
    expect(deleted!.listTypes).toEqual([]);
  });

  it('refuses an operation that uses the reserved aliases itself', () => {
    expect(plan('{ movie(id: 1) { _cgType: title } }')).toBeUndefined();
  });
});

describe('tagsOf', () => {
  it('names every entity of the executor’s result, by its key fields in a fixed order', () => {
    const tagging = plan('{ movie(id: 1) { title } movies { total } seat { row } }')!;
    const merged = {
      movie: {
        _cgType: 'Movie',
        _cgKey_id: 'm1',
        title: 'Dune',
        reviews: [
          { _cgType: 'Review', _cgKey_id: 'r1', author: { _cgType: 'User', _cgKey_id: 'u1' } },
          { _cgType: 'Review', _cgKey_id: 'r2', author: null },
        ],
      },
      movies: { total: 3 },
      seat: { _cgKey_number: 12, _cgType: 'Seat', _cgKey_row: 'F' },
    };
    expect([...tagsOf(merged, tagging)].sort()).toEqual(
      ['Movie', 'Movie:m1', 'Review:r1', 'Review:r2', 'Seat:12:F', 'User:u1'].sort(),
    );
    expect(tagsOf({ movie: null, movies: { total: 0 }, seat: null }, tagging)).toEqual(
      new Set(['Movie', 'Seat']),
    );
  });
});

describe('canonicalJson', () => {
  it('writes equal values as equal text, whatever the order of their keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson([['first', 10]])).not.toBe(canonicalJson([['first', '10']]));
  });
});
