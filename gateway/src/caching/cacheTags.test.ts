import { buildSchema, getOperationAST, parse, print, stripIgnoredCharacters } from 'graphql';
import { describe, expect, it } from 'vitest';
import { entitiesOf, planTagging, readEntityKeys, tagsOf, writeTags } from './cacheTags.ts';
import { canonicalJson } from './canonicalJson.ts';
import { readFieldOwners } from './fieldOwners.ts';

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
// As a supergraph says who the entities are (@join__type(graph:, key:)) and which
// subgraph resolves each field (@join__field(graph:)).
const supergraph = parse(`
  enum join__Graph {
    A @join__graph(name: "a", url: "http://a")
    B @join__graph(name: "b", url: "http://b")
    C @join__graph(name: "c", url: "http://c")
    D @join__graph(name: "d", url: "http://d")
  }
  type Movie @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
    id: ID!
    title: String! @join__field(graph: A)
    reviews: [Review!]! @join__field(graph: B)
    studio: Studio @join__field(graph: A)
  }
  type Review @join__type(graph: B, key: "id") { id: ID! body: String! movie: Movie! author: User! }
  type User @join__type(graph: C, key: "id") { id: ID! name: String! }
  type Seat @join__type(graph: D, key: "row number") { row: String! number: Int! }
  type Studio @join__type(graph: A) { name: String! }
  type Mutation @join__type(graph: B) { createReview(movieId: ID!): Review! deleteReview(id: ID!): DeletePayload! }
`);
const entityKeys = readEntityKeys(supergraph);
const fieldOwners = readFieldOwners(supergraph);

const plan = (query: string) => {
  const document = parse(query);
  return planTagging(schema, entityKeys, fieldOwners, document, getOperationAST(document)!);
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
      parse('type Pet @join__type(graph: A, key: "owner { id } name") { name: String! }'),
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
        reviews { body author { name _cgType_0: __typename _cgKey_id: id } _cgType_1: __typename _cgKey_id: id }
        studio { name }
        _cgType_2: __typename _cgKey_id: id
      } }`),
    );
    // What each selection reads: the author's name (c), the review (b: body, author), the
    // movie (a: title, studio and the studio's name; b: reviews).
    expect(tagging!.owners).toEqual([['c'], ['b'], ['a', 'b']]);
  });

  it('names an entity selected by its keys alone with a bare typename alias', () => {
    const tagging = plan('{ movie(id: 1) { id } seat { row number } }');
    expect(compact(print(tagging!.document))).toBe(
      compact(`{
        movie(id: 1) { id _cgType: __typename _cgKey_id: id }
        seat { row number _cgType: __typename _cgKey_row: row _cgKey_number: number }
      }`),
    );
    expect(tagging!.owners).toEqual([]);
  });

  it('counts what fragments that apply select, and shares an alias between equal readers', () => {
    const tagging = plan(
      '{ a: movie(id: 1) { ...M } b: movie(id: 2) { title } } fragment M on Movie { ... on Movie { title } }',
    );
    expect(tagging!.owners).toEqual([['a']]);
    expect(print(tagging!.document)).toContain('b: movie(id: 2) {\n    title\n    _cgType_0');
  });

  it('adds to fragments on entities too, wherever they are spread', () => {
    const tagging = plan('{ movie(id: 1) { ...M } } fragment M on Movie { title }');
    expect(print(tagging!.document)).toContain(
      'fragment M on Movie {\n  title\n  _cgType_0: __typename\n  _cgKey_id: id\n}',
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
        body _cgType_0: __typename _cgKey_id: id
        _cgHop_movie: movie { _cgType: __typename _cgKey_id: id }
        _cgHop_author: author { _cgType: __typename _cgKey_id: id }
      } }`),
    );
    expect(created!.listTypes).toEqual(['Review']);
    expect(created!.writers).toEqual(['b']);
    const deleted = plan('mutation { deleteReview(id: 1) { id } }');
    expect(print(deleted!.document)).toContain('_cgHop_movie: movie');
    expect(deleted!.listTypes).toEqual([]);
  });

  it('refuses an operation that uses the reserved aliases itself', () => {
    expect(plan('{ movie(id: 1) { _cgType: title } }')).toBeUndefined();
  });
});

describe('tagsOf', () => {
  it('names every entity of the executor’s result, by its key fields in a fixed order, with the subgraphs its selection reads', () => {
    const tagging = plan(
      '{ movie(id: 1) { title reviews { author { name } } } movies { total } seat { row number } }',
    )!;
    expect(tagging.owners).toEqual([['c'], ['b'], ['a', 'b']]);
    const merged = {
      movie: {
        _cgType_2: 'Movie',
        _cgKey_id: 'm1',
        title: 'Dune',
        reviews: [
          {
            _cgType_1: 'Review',
            _cgKey_id: 'r1',
            author: { _cgType_0: 'User', _cgKey_id: 'u1', name: 'Ada' },
          },
          { _cgType_1: 'Review', _cgKey_id: 'r2', author: null },
        ],
      },
      movies: { total: 3 },
      seat: { _cgKey_number: 12, _cgType: 'Seat', _cgKey_row: 'F', row: 'F', number: 12 },
    };
    expect([...tagsOf(merged, tagging)].sort()).toEqual(
      [
        'Movie',
        'Movie:m1@a',
        'Movie:m1@b',
        'Review:r1@b',
        'Review:r2@b',
        'Seat:12:F',
        'User:u1@c',
      ].sort(),
    );
    expect(entitiesOf(merged).sort()).toEqual(
      ['Movie:m1', 'Review:r1', 'Review:r2', 'Seat:12:F', 'User:u1'].sort(),
    );
    expect(tagsOf({ movie: null, movies: { total: 0 }, seat: null }, tagging)).toEqual(
      new Set(['Movie', 'Seat']),
    );
  });

  it('has a write retire what its subgraph resolves of each entity, the entity named alone, and the lists', () => {
    expect(writeTags(['Movie:m1', 'User:u1'], ['Review'], ['b']).sort()).toEqual(
      ['Movie:m1', 'Movie:m1@b', 'Review', 'User:u1', 'User:u1@b'].sort(),
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
