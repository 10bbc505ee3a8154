import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

interface Film {
  id: string;
  title: string;
  genre: string;
  rating: string;
}

const films: Film[] = [
  { id: 'f1', title: 'Alien', genre: 'HORROR', rating: 'R' },
  { id: 'f2', title: 'Airplane!', genre: 'COMEDY', rating: 'PG' },
  { id: 'f3', title: 'Heat', genre: 'DRAMA', rating: 'R' },
];

interface FilmFilter {
  rating?: string;
  title?: string;
}

/** Ignores the fields a subgraph alone knows: a gateway must never let them through. */
const matches = (filter: FilmFilter | undefined) => (film: Film) =>
  (filter?.rating === undefined || film.rating === filter.rating) &&
  (filter?.title === undefined || film.title === filter.title);

/**
 * An output enum (`Genre`) merged as the union of its values, an input enum (`Rating`)
 * and an input object (`FilmFilter`) merged as the intersection of theirs. Values and
 * fields outside the intersection are not in the supergraph: the gateway must refuse
 * them, as literals and in variables, even though one subgraph would accept them.
 */
export const abstractEnumInputIntersection: Scenario = {
  name: 'abstract-enum-input-intersection',
  group: 'Abstract types',
  description:
    'An output enum defined differently in two subgraphs (union of values), an input enum and an input object defined differently (intersection), and values outside it.',
  subgraphs: [
    {
      name: 'cinema',
      typeDefs: `${federation2('@key')}
        type Query { films(filter: FilmFilter): [Film!]! }
        type Film @key(fields: "id") { id: ID! title: String! genre: Genre! }
        enum Genre { DRAMA COMEDY HORROR }
        enum Rating { G PG R }
        input FilmFilter { rating: Rating title: String fromYear: Int }`,
      resolvers: {
        Query: {
          films: (_: unknown, { filter }: { filter?: FilmFilter }) => films.filter(matches(filter)),
        },
        Film: { __resolveReference: (ref: { id: string }) => films.find((f) => f.id === ref.id) },
      },
    },
    {
      name: 'charts',
      typeDefs: `${federation2()}
        type Query { trendingGenre: Genre! countFilms(filter: FilmFilter!): Int! }
        enum Genre { DRAMA THRILLER }
        enum Rating { PG R NC17 }
        input FilmFilter { rating: Rating title: String minVotes: Int }`,
      resolvers: {
        Query: {
          trendingGenre: () => 'THRILLER',
          countFilms: (_: unknown, { filter }: { filter: FilmFilter }) =>
            films.filter(matches(filter)).length,
        },
      },
    },
  ],
  operations: [
    {
      // Genre is output-only: the supergraph has DRAMA COMEDY HORROR THRILLER.
      name: 'output enum values from either subgraph',
      query: '{ films { title genre } trendingGenre }',
      data: {
        films: [
          { title: 'Alien', genre: 'HORROR' },
          { title: 'Airplane!', genre: 'COMEDY' },
          { title: 'Heat', genre: 'DRAMA' },
        ],
        trendingGenre: 'THRILLER',
      },
    },
    {
      // Rating is input-only: the supergraph has PG and R.
      name: 'input enum values in the intersection',
      query: '{ films(filter: { rating: PG }) { title } countFilms(filter: { rating: R }) }',
      data: { films: [{ title: 'Airplane!' }], countFilms: 2 },
    },
    {
      // G is only `cinema`'s: the operation is invalid against the supergraph.
      name: 'input enum value outside the intersection',
      query: '{ films(filter: { rating: G }) { title } }',
      data: null,
      errors: true,
    },
    {
      // A variable of a value outside the enum fails coercion: a request error, no data.
      name: 'input enum variable outside the intersection',
      query: 'query ($rating: Rating) { countFilms(filter: { rating: $rating }) }',
      variables: { rating: 'NC17' },
      data: null,
      errors: true,
    },
    {
      name: 'input object fields in the intersection',
      query:
        '{ films(filter: { title: "Heat", rating: R }) { id } countFilms(filter: { title: "Heat" }) }',
      data: { films: [{ id: 'f3' }], countFilms: 1 },
    },
    {
      name: 'input object field outside the intersection',
      query: '{ films(filter: { fromYear: 1990 }) { title } }',
      data: null,
      errors: true,
    },
    {
      // An input object variable with a field its type lacks fails coercion, even though
      // `charts` itself would accept `minVotes`.
      name: 'input object variable with a field outside the intersection',
      query: 'query ($filter: FilmFilter!) { countFilms(filter: $filter) }',
      variables: { filter: { title: 'Heat', minVotes: 5 } },
      data: null,
      errors: true,
    },
  ],
};
