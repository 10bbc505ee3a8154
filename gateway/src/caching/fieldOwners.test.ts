import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readFieldOwners } from './fieldOwners.ts';

const federation = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@override", "@interfaceObject"])`;
const subgraph = (name: string, sdl: string) => ({
  name,
  url: `http://${name}`,
  typeDefs: parse(`${federation}\n${sdl}`),
});

// Composed by @apollo/composition, as every supergraph the gateway serves is.
const composed = composeServices([
  subgraph(
    'catalog',
    `type Query { product(id: ID!): Product media: [Media!]! }
     interface Media { id: ID! title: String! }
     type Book implements Media @key(fields: "id") { id: ID! title: String! weight: Int! }
     type Film implements Media @key(fields: "id") { id: ID! title: String! }
     type Product @key(fields: "id") { id: ID! name: String! @shareable price: Int! stock: Int! }`,
  ),
  subgraph(
    'shipping',
    `type Book @key(fields: "id") { id: ID! weight: Int! @external shipping: Int! @requires(fields: "weight") }
     type Product @key(fields: "id") { id: ID! name: String! @shareable stock: Int! @shareable @override(from: "catalog") }`,
  ),
  subgraph(
    'ratings',
    `type Film @key(fields: "id") { id: ID! stars: Int! }
     type Product @key(fields: "id") { id: ID! stock: Int! @shareable }`,
  ),
]);
if (!composed.supergraphSdl) throw new Error(JSON.stringify(composed.errors));
const owners = readFieldOwners(parse(composed.supergraphSdl));

describe('readFieldOwners', () => {
  it('names the subgraphs that resolve a field, by their names', () => {
    expect(owners.all).toEqual(['catalog', 'ratings', 'shipping']);
    expect(owners.of('Product', 'price')).toEqual(['catalog']);
    expect(owners.of('Film', 'stars')).toEqual(['ratings']);
    // Shareable: any of them may answer.
    expect(owners.of('Product', 'name')).toEqual(['catalog', 'shipping']);
  });

  it('adds what a @requires depends on to the field that requires it', () => {
    expect(owners.of('Book', 'shipping')).toEqual(['catalog', 'shipping']);
  });

  it('leaves out a subgraph whose field was overridden', () => {
    expect(owners.of('Product', 'stock')).toEqual(['ratings', 'shipping']);
  });

  it("gives an interface's field its implementations' owners", () => {
    expect(owners.of('Media', 'title')).toEqual(['catalog']);
  });

  it('names every subgraph for a field the supergraph does not declare', () => {
    expect(owners.of('Product', 'nonsense')).toEqual(owners.all);
  });
});
