import { describe, expect, it } from 'vitest';
import { deepMerge, ownedAtPath, writable } from './ownedTree.ts';
import { copyJson, freezeDeep } from './sharedAnswers.ts';

const neverAbstract = () => false;

describe('the request’s own tree over shared answers', () => {
  it('merges into a frozen sub-tree by copying what it writes into, and leaves the shared answer as it was', () => {
    const shared = freezeDeep({ movie: { id: 'm1', cast: [{ id: 'p1' }, { id: 'p2' }] } });
    const before = JSON.stringify(shared);
    const mine = Object.create(null) as Record<string, unknown>;
    deepMerge(mine, shared, neverAbstract);
    deepMerge(
      mine,
      { movie: { title: 'Dune', cast: [{ name: 'A' }, { name: 'B' }] } },
      neverAbstract,
    );
    expect(JSON.stringify(shared)).toBe(before);
    expect(mine).toEqual({
      movie: {
        id: 'm1',
        title: 'Dune',
        cast: [
          { id: 'p1', name: 'A' },
          { id: 'p2', name: 'B' },
        ],
      },
    });
    expect(Object.isFrozen(mine['movie'])).toBe(false);
  });

  it('copies only the frozen objects on the way to the entities at a path', () => {
    const shared = freezeDeep({ movies: [{ id: 'a', poster: { url: 'x' } }, null, { id: 'b' }] });
    const mine: Record<string, unknown> = { ...shared };
    const entities = ownedAtPath(mine, ['movies', '@'], 0) as Record<string, unknown>[];
    expect(entities.map((entity) => entity?.['id'] ?? null)).toEqual(['a', null, 'b']);
    for (const entity of entities) if (entity) expect(Object.isFrozen(entity)).toBe(false);
    // What was not on the way is still the shared (frozen) object.
    expect(entities[0]!['poster']).toBe(shared.movies[0]!.poster);
    expect(mine['movies']).not.toBe(shared.movies);
    entities[0]!['title'] = 'A';
    expect(shared.movies[0]).not.toHaveProperty('title');
  });

  it('flattens the entities of nested lists in order, nulls and missing values included', () => {
    const shared = freezeDeep({
      users: [
        { reviews: [{ product: { upc: '1' } }, { product: null }] },
        null,
        { reviews: [] },
        { reviews: [{ product: { upc: '2' } }, {}] },
      ],
    });
    const mine: Record<string, unknown> = { ...shared };
    const products = ownedAtPath(mine, ['users', '@', 'reviews', '@', 'product'], 0) as unknown[];
    expect(products).toEqual([{ upc: '1' }, null, null, { upc: '2' }, undefined]);
    for (const product of products) if (product) expect(Object.isFrozen(product)).toBe(false);
    const reviews = ownedAtPath(mine, ['users', '@', 'reviews'], 0) as unknown[];
    expect(reviews).toEqual([
      { product: { upc: '1' } },
      { product: null },
      null,
      { product: { upc: '2' } },
      {},
    ]);
  });

  it('writes in place where nothing is shared (no copies)', () => {
    const mine = { movie: { id: 'm1' } };
    const movie = mine.movie;
    deepMerge(mine, { movie: { title: 'Dune' } }, neverAbstract);
    expect(mine.movie).toBe(movie);
    expect(writable(mine)).toBe(mine);
  });

  it('never lets a __typename naming an abstract type replace a concrete one', () => {
    const isAbstract = (name: unknown) => name === 'Account';
    const user = { __typename: 'User', id: 'u1' };
    deepMerge(user, { __typename: 'Account', reputation: 20 }, isAbstract);
    expect(user).toEqual({ __typename: 'User', id: 'u1', reputation: 20 });
    const unknownYet: Record<string, unknown> = { __typename: 'Account', id: 'u1' };
    deepMerge(unknownYet, { __typename: 'User' }, isAbstract);
    expect(unknownYet['__typename']).toBe('User');
  });

  it('copies JSON with a "__proto__" key as data, never as a prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "id": 1}') as object;
    const copy = copyJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
