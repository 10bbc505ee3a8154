// Resolver types generated from each subgraph's SDL, so the schema and the code cannot
// drift (`npm run codegen`; CI runs `npm run codegen:check`). Mappers say which model type
// (mostly Prisma's) a resolver returns for each GraphQL type.
import { readFileSync } from 'node:fs';
import { Supergraph } from '@apollo/federation-internals';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { Kind, parse, printSchema } from 'graphql';

// What clients see: the supergraph's API schema (no join__/link__ machinery).
const apiSchema = printSchema(
  Supergraph.build(readFileSync('supergraph.graphql', 'utf8')).apiSchema().toGraphQLJSSchema(),
);

// Two files per subgraph, so that no import goes round in a circle: the schema's own types
// (enums, inputs, arguments, objects), which domain code imports and which import nothing
// of ours; and the resolver types, which import the model (mapper) and context types from
// our code, and the schema's types from the first file.
const typeConfig = {
  federation: true,
  useTypeImports: true,
  enumsAsTypes: true,
  useIndexSignature: false,
  avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
  scalars: { DateTime: 'Date', Date: 'Date', ID: 'string' },
};
/**
 * The entities of a subgraph's SDL (types with a @key). typescript-resolvers names them
 * without the `Types.` namespace in its federation block, so they are imported by name.
 */
function entitiesOf(name: string): string[] {
  const document = parse(readFileSync(`subgraphs/${name}/src/schema.graphql`, 'utf8'));
  return document.definitions.flatMap((definition) =>
    (definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
    definition.directives?.some((directive) => directive.name.value === 'key')
      ? [definition.name.value]
      : [],
  );
}

const subgraph = (name: string, contextType: string, mappers: Record<string, string>) => ({
  [`subgraphs/${name}/src/schema.types.generated.ts`]: {
    schema: ['codegen/federation.graphql', `subgraphs/${name}/src/schema.graphql`],
    plugins: ['typescript'],
    config: typeConfig,
  },
  [`subgraphs/${name}/src/schema.generated.ts`]: {
    schema: ['codegen/federation.graphql', `subgraphs/${name}/src/schema.graphql`],
    plugins: [
      {
        add: {
          content: [
            "import type * as Types from './schema.types.generated.ts';",
            `import type { ${[...new Set(entitiesOf(name))].sort().join(', ')} } from './schema.types.generated.ts';`,
          ],
        },
      },
      'typescript-resolvers',
    ],
    config: {
      ...typeConfig,
      namespacedImportName: 'Types',
      contextType: `./context.ts#${contextType}`,
      mappers,
      mapperTypeSuffix: 'Model',
    },
  },
});

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    // The web app's typed operations (web/src/operations/*.graphql → TypedDocumentNodes).
    'web/src/gql/': {
      schema: apiSchema,
      documents: 'web/src/operations/**/*.graphql',
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
        // Apollo Client adds __typename to every selection; the types say so.
        nonOptionalTypename: true,
      },
    },
    ...subgraph('users', 'UsersContext', {
      User: './accounts/sessions.ts#SessionUser',
      UserConnection: './accounts/listUsers.ts#UserConnectionModel',
      AuthPayload: './accounts/sessions.ts#Session',
    }),
    ...subgraph('movies', 'MoviesContext', {
      Movie: './generated/prisma/client.ts#Movie',
      Genre: './generated/prisma/client.ts#Genre',
      Theater: './generated/prisma/client.ts#Theater',
      Screen: './generated/prisma/client.ts#Screen',
      Seat: './generated/prisma/client.ts#Seat',
      Showtime: './generated/prisma/client.ts#Showtime',
      CastMember: './context.ts#CreditWithPerson',
      CrewMember: './context.ts#CreditWithPerson',
      MovieConnection: './catalog/searchMovies.ts#MovieConnectionModel',
      ShowtimeConnection: './catalog/listShowtimes.ts#ShowtimeConnectionModel',
    }),
    ...subgraph('reviews', 'ReviewsContext', {
      Review: './generated/prisma/client.ts#Review',
      Movie: './context.ts#MovieReference',
      User: './context.ts#UserReference',
      ReviewConnection: './context.ts#ReviewConnectionModel',
      RatingSummary: './reviews/ratingSummary.ts#RatingSummaryModel',
    }),
    ...subgraph('watchlists', 'WatchlistsContext', {
      WatchlistItem: './generated/prisma/client.ts#WatchlistItem',
      Movie: './context.ts#MovieReference',
      User: './context.ts#UserReference',
      WatchlistConnection: './context.ts#WatchlistConnectionModel',
    }),
    ...subgraph('bookings', 'BookingsContext', {
      Showtime: './context.ts#EntityReference',
      User: './context.ts#EntityReference',
      SeatHold: './context.ts#SeatHoldModel',
      Booking: './generated/prisma/client.ts#Booking',
      BookingConnection: './context.ts#BookingConnectionModel',
      SeatAvailabilityEvent: './seats/seatAvailability.ts#SeatAvailabilityEventModel',
    }),
    ...subgraph('payments', 'PaymentsContext', {
      Payment: './generated/prisma/client.ts#Payment',
      Booking: './context.ts#EntityReference',
    }),
    ...subgraph('notifications', 'NotificationsContext', {
      User: './context.ts#UserReference',
      Notification: './generated/prisma/client.ts#Notification',
      NotificationConnection: './inbox/listNotifications.ts#NotificationConnectionModel',
      NotificationPreference: './inbox/preferences.ts#PreferenceModel',
    }),
    ...subgraph('recommendations', 'RecommendationsContext', {
      Movie: './context.ts#EntityReference',
      User: './context.ts#EntityReference',
      RecommendationConnection: './context.ts#PickConnection',
    }),
  },
};

export default config;
