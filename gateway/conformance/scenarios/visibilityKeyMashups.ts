import type { Scenario } from '../scenario.ts';
import { federation2 } from '../scenario.ts';

const cinemas = [
  { id: 'c1', code: 'LDN-1', name: 'Odeon Leicester Square' },
  { id: 'c2', code: 'PAR-2', name: 'Le Grand Rex' },
];
const currencies: Record<string, string> = { 'LDN-1': 'GBP', 'PAR-2': 'EUR' };
/** s1 and s3 share room and start: only the cinema tells them apart in the compound key. */
const screenings = [
  { id: 's1', cinema: { id: 'c1' }, room: 1, startsAt: '2024-05-01T18:00', movieTitle: 'Alien' },
  { id: 's2', cinema: { id: 'c1' }, room: 2, startsAt: '2024-05-01T18:00', movieTitle: 'Heat' },
  { id: 's3', cinema: { id: 'c2' }, room: 1, startsAt: '2024-05-01T18:00', movieTitle: 'Amélie' },
];
/** The box office's order, by its own key; soldOut lists s3 then s2. */
const seats = [
  { cinema: { id: 'c2' }, room: 1, startsAt: '2024-05-01T18:00', seatsLeft: 0 },
  { cinema: { id: 'c1' }, room: 1, startsAt: '2024-05-01T18:00', seatsLeft: 12 },
  { cinema: { id: 'c1' }, room: 2, startsAt: '2024-05-01T18:00', seatsLeft: 0 },
];
const prices: Record<string, number> = { s1: 12, s2: 10, s3: 9 };

interface SlotKey {
  cinema: { id: string };
  room: number;
  startsAt: string;
}
const sameSlot = (a: SlotKey, b: SlotKey) =>
  a.cinema.id === b.cinema.id && a.room === b.room && a.startsAt === b.startsAt;

/**
 * Screening is known by `id` (schedule, pricing) and by the compound, nested key
 * `cinema { id } room startsAt` (schedule, tickets); Cinema by `id` (venues, schedule,
 * tickets) and by `code` (venues, pricing). No subgraph but schedule has both Screening
 * keys and none but venues both Cinema keys, so the gateway must go through them to
 * switch keys: tickets → schedule → pricing, and schedule → venues → pricing.
 */
export const visibilityKeyMashups: Scenario = {
  name: 'visibility-key-mashups',
  group: 'Visibility and nulls',
  description:
    'Entities with compound, nested and multiple keys, each subgraph resolving only some of them, so that the gateway must switch keys through another subgraph.',
  subgraphs: [
    {
      name: 'schedule',
      typeDefs: `${federation2('@key')}
        type Query { screenings: [Screening!]! }
        type Screening @key(fields: "id") @key(fields: "cinema { id } room startsAt") {
          id: ID!
          cinema: Cinema!
          room: Int!
          startsAt: String!
          movieTitle: String!
        }
        type Cinema @key(fields: "id") { id: ID! }`,
      resolvers: {
        Query: { screenings: () => screenings },
        Screening: {
          __resolveReference: (ref: { id?: string } & Partial<SlotKey>) =>
            screenings.find((s) => (ref.id ? s.id === ref.id : sameSlot(s, ref as SlotKey))),
        },
      },
    },
    {
      name: 'tickets',
      typeDefs: `${federation2('@key')}
        type Query { soldOut: [Screening!]! }
        type Screening @key(fields: "cinema { id } room startsAt") {
          cinema: Cinema!
          room: Int!
          startsAt: String!
          seatsLeft: Int!
        }
        type Cinema @key(fields: "id") { id: ID! }`,
      resolvers: {
        Query: { soldOut: () => seats.filter((s) => s.seatsLeft === 0) },
        Screening: {
          __resolveReference: (ref: SlotKey) => seats.find((s) => sameSlot(s, ref)),
        },
      },
    },
    {
      name: 'venues',
      typeDefs: `${federation2('@key')}
        type Query { cinemas: [Cinema!]! }
        type Cinema @key(fields: "id") @key(fields: "code") { id: ID! code: String! name: String! }`,
      resolvers: {
        Query: { cinemas: () => cinemas },
        Cinema: {
          __resolveReference: (ref: { id?: string; code?: string }) =>
            cinemas.find((c) => (ref.id ? c.id === ref.id : c.code === ref.code)),
        },
      },
    },
    {
      name: 'pricing',
      typeDefs: `${federation2('@key')}
        type Screening @key(fields: "id") { id: ID! price: Int! }
        type Cinema @key(fields: "code") { code: String! currency: String! }`,
      resolvers: {
        Screening: {
          __resolveReference: (ref: { id: string }) => ref,
          price: (screening: { id: string }) => prices[screening.id],
        },
        Cinema: {
          __resolveReference: (ref: { code: string }) => ref,
          currency: (cinema: { code: string }) => currencies[cinema.code],
        },
      },
    },
  ],
  operations: [
    {
      name: 'compound nested key to a subgraph with only that key',
      query: '{ screenings { id movieTitle seatsLeft } }',
      data: {
        screenings: [
          { id: 's1', movieTitle: 'Alien', seatsLeft: 12 },
          { id: 's2', movieTitle: 'Heat', seatsLeft: 0 },
          { id: 's3', movieTitle: 'Amélie', seatsLeft: 0 },
        ],
      },
    },
    {
      name: 'compound key to fetch the id key',
      // tickets → schedule (by cinema { id } room startsAt, for id) → pricing (by id).
      query: '{ soldOut { movieTitle price } }',
      data: {
        soldOut: [
          { movieTitle: 'Amélie', price: 9 },
          { movieTitle: 'Heat', price: 10 },
        ],
      },
    },
    {
      name: 'entity nested in a key',
      query: '{ soldOut { room cinema { name } } }',
      data: {
        soldOut: [
          { room: 1, cinema: { name: 'Le Grand Rex' } },
          { room: 2, cinema: { name: 'Odeon Leicester Square' } },
        ],
      },
    },
    {
      name: 'second key of a nested entity',
      // schedule → venues (by id, for code) → pricing (by code).
      query: '{ screenings { cinema { code currency } } }',
      data: {
        screenings: [
          { cinema: { code: 'LDN-1', currency: 'GBP' } },
          { cinema: { code: 'LDN-1', currency: 'GBP' } },
          { cinema: { code: 'PAR-2', currency: 'EUR' } },
        ],
      },
    },
    {
      name: 'root entity with two keys',
      query: '{ cinemas { name currency } }',
      data: {
        cinemas: [
          { name: 'Odeon Leicester Square', currency: 'GBP' },
          { name: 'Le Grand Rex', currency: 'EUR' },
        ],
      },
    },
    {
      name: 'every key at once',
      query: '{ soldOut { id price seatsLeft startsAt cinema { id currency } } }',
      data: {
        soldOut: [
          {
            id: 's3',
            price: 9,
            seatsLeft: 0,
            startsAt: '2024-05-01T18:00',
            cinema: { id: 'c2', currency: 'EUR' },
          },
          {
            id: 's2',
            price: 10,
            seatsLeft: 0,
            startsAt: '2024-05-01T18:00',
            cinema: { id: 'c1', currency: 'GBP' },
          },
        ],
      },
    },
  ],
};
