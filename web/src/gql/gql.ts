/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AddToWatchlist($movieId: ID!) {\n  addToWatchlist(movieId: $movieId) {\n    addedAt\n    watchedAt\n    note\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}": typeof types.AddToWatchlistDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionFields\n  }\n}": typeof types.LoginDocument,
    "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": typeof types.LogoutDocument,
    "mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    notifications {\n      id\n      readAt\n    }\n    unreadNotificationCount\n  }\n}": typeof types.MarkNotificationsReadDocument,
    "mutation MarkWatched($movieId: ID!, $watched: Boolean) {\n  markWatched(movieId: $movieId, watched: $watched) {\n    watchedAt\n    movie {\n      id\n    }\n  }\n}": typeof types.MarkWatchedDocument,
    "query MyNotifications($first: Int, $after: String) {\n  me {\n    id\n    unreadNotificationCount\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          channel\n          template\n          subject\n          body\n          status\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.MyNotificationsDocument,
    "query MyWatchlist($first: Int, $after: String) {\n  me {\n    id\n    watchlist(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          addedAt\n          watchedAt\n          note\n          movie {\n            ...MovieCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": typeof types.MyWatchlistDocument,
    "mutation RefreshSession($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}": typeof types.RefreshSessionDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    ...SessionFields\n  }\n}": typeof types.RegisterDocument,
    "mutation RemoveFromWatchlist($movieId: ID!) {\n  removeFromWatchlist(movieId: $movieId) {\n    removed\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}": typeof types.RemoveFromWatchlistDocument,
    "query UnreadNotificationCount {\n  me {\n    id\n    unreadNotificationCount\n  }\n}": typeof types.UnreadNotificationCountDocument,
    "query Booking($id: ID!) {\n  booking(id: $id) {\n    ...BookingFields\n  }\n}": typeof types.BookingDocument,
    "mutation CancelBooking($id: ID!) {\n  cancelBooking(id: $id) {\n    ...BookingFields\n  }\n}": typeof types.CancelBookingDocument,
    "query Cities {\n  theaters {\n    id\n    city\n  }\n}": typeof types.CitiesDocument,
    "mutation CreateBooking($holdId: ID!, $idempotencyKey: String!) {\n  createBooking(holdId: $holdId, idempotencyKey: $idempotencyKey) {\n    ...BookingFields\n  }\n}": typeof types.CreateBookingDocument,
    "mutation HoldSeats($showtimeId: ID!, $seatIds: [ID!]!) {\n  holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) {\n    id\n    totalCents\n    currency\n    expiresAt\n    seats {\n      id\n      label\n      type\n      priceCents\n    }\n  }\n}": typeof types.HoldSeatsDocument,
    "query MyBookings($first: Int, $after: String) {\n  me {\n    id\n    bookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...BookingFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": typeof types.MyBookingsDocument,
    "mutation PayBooking($bookingId: ID!, $paymentMethodToken: String!, $idempotencyKey: String!) {\n  payBooking(\n    bookingId: $bookingId\n    paymentMethodToken: $paymentMethodToken\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    failureReason\n    amountCents\n    currency\n    booking {\n      id\n      status\n    }\n  }\n}": typeof types.PayBookingDocument,
    "mutation ReleaseHold($holdId: ID!) {\n  releaseHold(holdId: $holdId)\n}": typeof types.ReleaseHoldDocument,
    "subscription SeatAvailability($showtimeId: ID!) {\n  seatAvailabilityChanged(showtimeId: $showtimeId) {\n    showtime {\n      id\n    }\n    changedSeats {\n      seatId\n      status\n    }\n    availableSeatCount\n    occurredAt\n  }\n}": typeof types.SeatAvailabilityDocument,
    "query SeatMap($showtimeId: ID!) {\n  showtime(id: $showtimeId) {\n    ...ShowtimeSummary\n    availableSeatCount\n    seatMap {\n      label\n      seats {\n        id\n        label\n        type\n        status\n        priceCents\n      }\n    }\n  }\n}": typeof types.SeatMapDocument,
    "query Showtimes($city: String, $date: Date, $movieId: ID, $first: Int, $after: String) {\n  showtimes(\n    city: $city\n    date: $date\n    movieId: $movieId\n    first: $first\n    after: $after\n  ) {\n    edges {\n      cursor\n      node {\n        ...ShowtimeSummary\n        availableSeatCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ShowtimesDocument,
    "mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    ...ReviewFields\n    movie {\n      id\n      ratingSummary {\n        average\n        count\n        distribution {\n          rating\n          count\n        }\n      }\n    }\n  }\n}": typeof types.CreateReviewDocument,
    "query Genres {\n  genres {\n    id\n    name\n  }\n}": typeof types.GenresDocument,
    "mutation MarkReviewHelpful($id: ID!) {\n  markReviewHelpful(id: $id) {\n    id\n    helpfulCount\n    viewerMarkedHelpful\n  }\n}": typeof types.MarkReviewHelpfulDocument,
    "query MoviePage($slug: String!) {\n  movie(slug: $slug) {\n    ...MovieCard\n    synopsis\n    cast {\n      person {\n        id\n        name\n      }\n      character\n    }\n    crew {\n      person {\n        id\n        name\n      }\n      role\n    }\n    ratingSummary {\n      distribution {\n        rating\n        count\n      }\n    }\n    inViewerWatchlist\n    watchlistCount\n  }\n}": typeof types.MoviePageDocument,
    "query MovieReviews($movieId: ID!, $orderBy: ReviewOrder, $first: Int, $after: String) {\n  movie(id: $movieId) {\n    id\n    reviews(orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReviewFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": typeof types.MovieReviewsDocument,
    "query Movies($filter: MovieFilter, $orderBy: MovieOrderBy, $first: Int, $after: String) {\n  movies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...MovieCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}": typeof types.MoviesDocument,
    "fragment MovieCard on Movie {\n  id\n  slug\n  title\n  releaseDate\n  runtimeMinutes\n  certification\n  genres {\n    id\n    name\n  }\n  ratingSummary {\n    average\n    count\n  }\n}\n\nfragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    email\n    role\n  }\n}\n\nfragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  containsSpoilers\n  helpfulCount\n  viewerMarkedHelpful\n  createdAt\n  author {\n    id\n    displayName\n  }\n}\n\nfragment ShowtimeSummary on Showtime {\n  id\n  startsAt\n  price {\n    amountCents\n    currency\n  }\n  movie {\n    id\n    slug\n    title\n  }\n  theater {\n    id\n    name\n    city\n    timeZone\n  }\n  screen {\n    id\n    name\n  }\n}\n\nfragment BookingFields on Booking {\n  id\n  status\n  totalCents\n  currency\n  expiresAt\n  createdAt\n  seats {\n    id\n    label\n    type\n    priceCents\n  }\n  showtime {\n    ...ShowtimeSummary\n  }\n  payment {\n    id\n    status\n    failureReason\n  }\n}\n\nfragment RecommendationFields on RecommendationEdge {\n  reason\n  node {\n    id\n    slug\n    title\n  }\n}": typeof types.MovieCardFragmentDoc,
    "query PopularMovies($first: Int) {\n  popularMovies(first: $first) {\n    edges {\n      ...RecommendationFields\n    }\n  }\n}": typeof types.PopularMoviesDocument,
    "query RecommendedMovies($first: Int) {\n  me {\n    id\n    recommendedMovies(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}": typeof types.RecommendedMoviesDocument,
    "query SimilarMovies($movieId: ID!, $first: Int) {\n  movie(id: $movieId) {\n    id\n    similar(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}": typeof types.SimilarMoviesDocument,
};
const documents: Documents = {
    "mutation AddToWatchlist($movieId: ID!) {\n  addToWatchlist(movieId: $movieId) {\n    addedAt\n    watchedAt\n    note\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}": types.AddToWatchlistDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionFields\n  }\n}": types.LoginDocument,
    "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}": types.LogoutDocument,
    "mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    notifications {\n      id\n      readAt\n    }\n    unreadNotificationCount\n  }\n}": types.MarkNotificationsReadDocument,
    "mutation MarkWatched($movieId: ID!, $watched: Boolean) {\n  markWatched(movieId: $movieId, watched: $watched) {\n    watchedAt\n    movie {\n      id\n    }\n  }\n}": types.MarkWatchedDocument,
    "query MyNotifications($first: Int, $after: String) {\n  me {\n    id\n    unreadNotificationCount\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          channel\n          template\n          subject\n          body\n          status\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.MyNotificationsDocument,
    "query MyWatchlist($first: Int, $after: String) {\n  me {\n    id\n    watchlist(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          addedAt\n          watchedAt\n          note\n          movie {\n            ...MovieCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": types.MyWatchlistDocument,
    "mutation RefreshSession($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}": types.RefreshSessionDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    ...SessionFields\n  }\n}": types.RegisterDocument,
    "mutation RemoveFromWatchlist($movieId: ID!) {\n  removeFromWatchlist(movieId: $movieId) {\n    removed\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}": types.RemoveFromWatchlistDocument,
    "query UnreadNotificationCount {\n  me {\n    id\n    unreadNotificationCount\n  }\n}": types.UnreadNotificationCountDocument,
    "query Booking($id: ID!) {\n  booking(id: $id) {\n    ...BookingFields\n  }\n}": types.BookingDocument,
    "mutation CancelBooking($id: ID!) {\n  cancelBooking(id: $id) {\n    ...BookingFields\n  }\n}": types.CancelBookingDocument,
    "query Cities {\n  theaters {\n    id\n    city\n  }\n}": types.CitiesDocument,
    "mutation CreateBooking($holdId: ID!, $idempotencyKey: String!) {\n  createBooking(holdId: $holdId, idempotencyKey: $idempotencyKey) {\n    ...BookingFields\n  }\n}": types.CreateBookingDocument,
    "mutation HoldSeats($showtimeId: ID!, $seatIds: [ID!]!) {\n  holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) {\n    id\n    totalCents\n    currency\n    expiresAt\n    seats {\n      id\n      label\n      type\n      priceCents\n    }\n  }\n}": types.HoldSeatsDocument,
    "query MyBookings($first: Int, $after: String) {\n  me {\n    id\n    bookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...BookingFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": types.MyBookingsDocument,
    "mutation PayBooking($bookingId: ID!, $paymentMethodToken: String!, $idempotencyKey: String!) {\n  payBooking(\n    bookingId: $bookingId\n    paymentMethodToken: $paymentMethodToken\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    failureReason\n    amountCents\n    currency\n    booking {\n      id\n      status\n    }\n  }\n}": types.PayBookingDocument,
    "mutation ReleaseHold($holdId: ID!) {\n  releaseHold(holdId: $holdId)\n}": types.ReleaseHoldDocument,
    "subscription SeatAvailability($showtimeId: ID!) {\n  seatAvailabilityChanged(showtimeId: $showtimeId) {\n    showtime {\n      id\n    }\n    changedSeats {\n      seatId\n      status\n    }\n    availableSeatCount\n    occurredAt\n  }\n}": types.SeatAvailabilityDocument,
    "query SeatMap($showtimeId: ID!) {\n  showtime(id: $showtimeId) {\n    ...ShowtimeSummary\n    availableSeatCount\n    seatMap {\n      label\n      seats {\n        id\n        label\n        type\n        status\n        priceCents\n      }\n    }\n  }\n}": types.SeatMapDocument,
    "query Showtimes($city: String, $date: Date, $movieId: ID, $first: Int, $after: String) {\n  showtimes(\n    city: $city\n    date: $date\n    movieId: $movieId\n    first: $first\n    after: $after\n  ) {\n    edges {\n      cursor\n      node {\n        ...ShowtimeSummary\n        availableSeatCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ShowtimesDocument,
    "mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    ...ReviewFields\n    movie {\n      id\n      ratingSummary {\n        average\n        count\n        distribution {\n          rating\n          count\n        }\n      }\n    }\n  }\n}": types.CreateReviewDocument,
    "query Genres {\n  genres {\n    id\n    name\n  }\n}": types.GenresDocument,
    "mutation MarkReviewHelpful($id: ID!) {\n  markReviewHelpful(id: $id) {\n    id\n    helpfulCount\n    viewerMarkedHelpful\n  }\n}": types.MarkReviewHelpfulDocument,
    "query MoviePage($slug: String!) {\n  movie(slug: $slug) {\n    ...MovieCard\n    synopsis\n    cast {\n      person {\n        id\n        name\n      }\n      character\n    }\n    crew {\n      person {\n        id\n        name\n      }\n      role\n    }\n    ratingSummary {\n      distribution {\n        rating\n        count\n      }\n    }\n    inViewerWatchlist\n    watchlistCount\n  }\n}": types.MoviePageDocument,
    "query MovieReviews($movieId: ID!, $orderBy: ReviewOrder, $first: Int, $after: String) {\n  movie(id: $movieId) {\n    id\n    reviews(orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReviewFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}": types.MovieReviewsDocument,
    "query Movies($filter: MovieFilter, $orderBy: MovieOrderBy, $first: Int, $after: String) {\n  movies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...MovieCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}": types.MoviesDocument,
    "fragment MovieCard on Movie {\n  id\n  slug\n  title\n  releaseDate\n  runtimeMinutes\n  certification\n  genres {\n    id\n    name\n  }\n  ratingSummary {\n    average\n    count\n  }\n}\n\nfragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    email\n    role\n  }\n}\n\nfragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  containsSpoilers\n  helpfulCount\n  viewerMarkedHelpful\n  createdAt\n  author {\n    id\n    displayName\n  }\n}\n\nfragment ShowtimeSummary on Showtime {\n  id\n  startsAt\n  price {\n    amountCents\n    currency\n  }\n  movie {\n    id\n    slug\n    title\n  }\n  theater {\n    id\n    name\n    city\n    timeZone\n  }\n  screen {\n    id\n    name\n  }\n}\n\nfragment BookingFields on Booking {\n  id\n  status\n  totalCents\n  currency\n  expiresAt\n  createdAt\n  seats {\n    id\n    label\n    type\n    priceCents\n  }\n  showtime {\n    ...ShowtimeSummary\n  }\n  payment {\n    id\n    status\n    failureReason\n  }\n}\n\nfragment RecommendationFields on RecommendationEdge {\n  reason\n  node {\n    id\n    slug\n    title\n  }\n}": types.MovieCardFragmentDoc,
    "query PopularMovies($first: Int) {\n  popularMovies(first: $first) {\n    edges {\n      ...RecommendationFields\n    }\n  }\n}": types.PopularMoviesDocument,
    "query RecommendedMovies($first: Int) {\n  me {\n    id\n    recommendedMovies(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}": types.RecommendedMoviesDocument,
    "query SimilarMovies($movieId: ID!, $first: Int) {\n  movie(id: $movieId) {\n    id\n    similar(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}": types.SimilarMoviesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddToWatchlist($movieId: ID!) {\n  addToWatchlist(movieId: $movieId) {\n    addedAt\n    watchedAt\n    note\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}"): (typeof documents)["mutation AddToWatchlist($movieId: ID!) {\n  addToWatchlist(movieId: $movieId) {\n    addedAt\n    watchedAt\n    note\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}"): (typeof documents)["mutation Logout($refreshToken: String!) {\n  logout(refreshToken: $refreshToken)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    notifications {\n      id\n      readAt\n    }\n    unreadNotificationCount\n  }\n}"): (typeof documents)["mutation MarkNotificationsRead($ids: [ID!]!) {\n  markNotificationsRead(ids: $ids) {\n    notifications {\n      id\n      readAt\n    }\n    unreadNotificationCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkWatched($movieId: ID!, $watched: Boolean) {\n  markWatched(movieId: $movieId, watched: $watched) {\n    watchedAt\n    movie {\n      id\n    }\n  }\n}"): (typeof documents)["mutation MarkWatched($movieId: ID!, $watched: Boolean) {\n  markWatched(movieId: $movieId, watched: $watched) {\n    watchedAt\n    movie {\n      id\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyNotifications($first: Int, $after: String) {\n  me {\n    id\n    unreadNotificationCount\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          channel\n          template\n          subject\n          body\n          status\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query MyNotifications($first: Int, $after: String) {\n  me {\n    id\n    unreadNotificationCount\n    notifications(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          channel\n          template\n          subject\n          body\n          status\n          createdAt\n          readAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyWatchlist($first: Int, $after: String) {\n  me {\n    id\n    watchlist(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          addedAt\n          watchedAt\n          note\n          movie {\n            ...MovieCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"): (typeof documents)["query MyWatchlist($first: Int, $after: String) {\n  me {\n    id\n    watchlist(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          addedAt\n          watchedAt\n          note\n          movie {\n            ...MovieCard\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RefreshSession($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation RefreshSession($refreshToken: String!) {\n  refreshToken(refreshToken: $refreshToken) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    ...SessionFields\n  }\n}"): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    ...SessionFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RemoveFromWatchlist($movieId: ID!) {\n  removeFromWatchlist(movieId: $movieId) {\n    removed\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}"): (typeof documents)["mutation RemoveFromWatchlist($movieId: ID!) {\n  removeFromWatchlist(movieId: $movieId) {\n    removed\n    movie {\n      id\n      inViewerWatchlist\n      watchlistCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnreadNotificationCount {\n  me {\n    id\n    unreadNotificationCount\n  }\n}"): (typeof documents)["query UnreadNotificationCount {\n  me {\n    id\n    unreadNotificationCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Booking($id: ID!) {\n  booking(id: $id) {\n    ...BookingFields\n  }\n}"): (typeof documents)["query Booking($id: ID!) {\n  booking(id: $id) {\n    ...BookingFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CancelBooking($id: ID!) {\n  cancelBooking(id: $id) {\n    ...BookingFields\n  }\n}"): (typeof documents)["mutation CancelBooking($id: ID!) {\n  cancelBooking(id: $id) {\n    ...BookingFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Cities {\n  theaters {\n    id\n    city\n  }\n}"): (typeof documents)["query Cities {\n  theaters {\n    id\n    city\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateBooking($holdId: ID!, $idempotencyKey: String!) {\n  createBooking(holdId: $holdId, idempotencyKey: $idempotencyKey) {\n    ...BookingFields\n  }\n}"): (typeof documents)["mutation CreateBooking($holdId: ID!, $idempotencyKey: String!) {\n  createBooking(holdId: $holdId, idempotencyKey: $idempotencyKey) {\n    ...BookingFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation HoldSeats($showtimeId: ID!, $seatIds: [ID!]!) {\n  holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) {\n    id\n    totalCents\n    currency\n    expiresAt\n    seats {\n      id\n      label\n      type\n      priceCents\n    }\n  }\n}"): (typeof documents)["mutation HoldSeats($showtimeId: ID!, $seatIds: [ID!]!) {\n  holdSeats(showtimeId: $showtimeId, seatIds: $seatIds) {\n    id\n    totalCents\n    currency\n    expiresAt\n    seats {\n      id\n      label\n      type\n      priceCents\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyBookings($first: Int, $after: String) {\n  me {\n    id\n    bookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...BookingFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"): (typeof documents)["query MyBookings($first: Int, $after: String) {\n  me {\n    id\n    bookings(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...BookingFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PayBooking($bookingId: ID!, $paymentMethodToken: String!, $idempotencyKey: String!) {\n  payBooking(\n    bookingId: $bookingId\n    paymentMethodToken: $paymentMethodToken\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    failureReason\n    amountCents\n    currency\n    booking {\n      id\n      status\n    }\n  }\n}"): (typeof documents)["mutation PayBooking($bookingId: ID!, $paymentMethodToken: String!, $idempotencyKey: String!) {\n  payBooking(\n    bookingId: $bookingId\n    paymentMethodToken: $paymentMethodToken\n    idempotencyKey: $idempotencyKey\n  ) {\n    id\n    status\n    failureReason\n    amountCents\n    currency\n    booking {\n      id\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReleaseHold($holdId: ID!) {\n  releaseHold(holdId: $holdId)\n}"): (typeof documents)["mutation ReleaseHold($holdId: ID!) {\n  releaseHold(holdId: $holdId)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SeatAvailability($showtimeId: ID!) {\n  seatAvailabilityChanged(showtimeId: $showtimeId) {\n    showtime {\n      id\n    }\n    changedSeats {\n      seatId\n      status\n    }\n    availableSeatCount\n    occurredAt\n  }\n}"): (typeof documents)["subscription SeatAvailability($showtimeId: ID!) {\n  seatAvailabilityChanged(showtimeId: $showtimeId) {\n    showtime {\n      id\n    }\n    changedSeats {\n      seatId\n      status\n    }\n    availableSeatCount\n    occurredAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SeatMap($showtimeId: ID!) {\n  showtime(id: $showtimeId) {\n    ...ShowtimeSummary\n    availableSeatCount\n    seatMap {\n      label\n      seats {\n        id\n        label\n        type\n        status\n        priceCents\n      }\n    }\n  }\n}"): (typeof documents)["query SeatMap($showtimeId: ID!) {\n  showtime(id: $showtimeId) {\n    ...ShowtimeSummary\n    availableSeatCount\n    seatMap {\n      label\n      seats {\n        id\n        label\n        type\n        status\n        priceCents\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Showtimes($city: String, $date: Date, $movieId: ID, $first: Int, $after: String) {\n  showtimes(\n    city: $city\n    date: $date\n    movieId: $movieId\n    first: $first\n    after: $after\n  ) {\n    edges {\n      cursor\n      node {\n        ...ShowtimeSummary\n        availableSeatCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Showtimes($city: String, $date: Date, $movieId: ID, $first: Int, $after: String) {\n  showtimes(\n    city: $city\n    date: $date\n    movieId: $movieId\n    first: $first\n    after: $after\n  ) {\n    edges {\n      cursor\n      node {\n        ...ShowtimeSummary\n        availableSeatCount\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    ...ReviewFields\n    movie {\n      id\n      ratingSummary {\n        average\n        count\n        distribution {\n          rating\n          count\n        }\n      }\n    }\n  }\n}"): (typeof documents)["mutation CreateReview($input: CreateReviewInput!) {\n  createReview(input: $input) {\n    ...ReviewFields\n    movie {\n      id\n      ratingSummary {\n        average\n        count\n        distribution {\n          rating\n          count\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Genres {\n  genres {\n    id\n    name\n  }\n}"): (typeof documents)["query Genres {\n  genres {\n    id\n    name\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkReviewHelpful($id: ID!) {\n  markReviewHelpful(id: $id) {\n    id\n    helpfulCount\n    viewerMarkedHelpful\n  }\n}"): (typeof documents)["mutation MarkReviewHelpful($id: ID!) {\n  markReviewHelpful(id: $id) {\n    id\n    helpfulCount\n    viewerMarkedHelpful\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MoviePage($slug: String!) {\n  movie(slug: $slug) {\n    ...MovieCard\n    synopsis\n    cast {\n      person {\n        id\n        name\n      }\n      character\n    }\n    crew {\n      person {\n        id\n        name\n      }\n      role\n    }\n    ratingSummary {\n      distribution {\n        rating\n        count\n      }\n    }\n    inViewerWatchlist\n    watchlistCount\n  }\n}"): (typeof documents)["query MoviePage($slug: String!) {\n  movie(slug: $slug) {\n    ...MovieCard\n    synopsis\n    cast {\n      person {\n        id\n        name\n      }\n      character\n    }\n    crew {\n      person {\n        id\n        name\n      }\n      role\n    }\n    ratingSummary {\n      distribution {\n        rating\n        count\n      }\n    }\n    inViewerWatchlist\n    watchlistCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MovieReviews($movieId: ID!, $orderBy: ReviewOrder, $first: Int, $after: String) {\n  movie(id: $movieId) {\n    id\n    reviews(orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReviewFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"): (typeof documents)["query MovieReviews($movieId: ID!, $orderBy: ReviewOrder, $first: Int, $after: String) {\n  movie(id: $movieId) {\n    id\n    reviews(orderBy: $orderBy, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          ...ReviewFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Movies($filter: MovieFilter, $orderBy: MovieOrderBy, $first: Int, $after: String) {\n  movies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...MovieCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}"): (typeof documents)["query Movies($filter: MovieFilter, $orderBy: MovieOrderBy, $first: Int, $after: String) {\n  movies(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {\n    edges {\n      cursor\n      node {\n        ...MovieCard\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    totalCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MovieCard on Movie {\n  id\n  slug\n  title\n  releaseDate\n  runtimeMinutes\n  certification\n  genres {\n    id\n    name\n  }\n  ratingSummary {\n    average\n    count\n  }\n}\n\nfragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    email\n    role\n  }\n}\n\nfragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  containsSpoilers\n  helpfulCount\n  viewerMarkedHelpful\n  createdAt\n  author {\n    id\n    displayName\n  }\n}\n\nfragment ShowtimeSummary on Showtime {\n  id\n  startsAt\n  price {\n    amountCents\n    currency\n  }\n  movie {\n    id\n    slug\n    title\n  }\n  theater {\n    id\n    name\n    city\n    timeZone\n  }\n  screen {\n    id\n    name\n  }\n}\n\nfragment BookingFields on Booking {\n  id\n  status\n  totalCents\n  currency\n  expiresAt\n  createdAt\n  seats {\n    id\n    label\n    type\n    priceCents\n  }\n  showtime {\n    ...ShowtimeSummary\n  }\n  payment {\n    id\n    status\n    failureReason\n  }\n}\n\nfragment RecommendationFields on RecommendationEdge {\n  reason\n  node {\n    id\n    slug\n    title\n  }\n}"): (typeof documents)["fragment MovieCard on Movie {\n  id\n  slug\n  title\n  releaseDate\n  runtimeMinutes\n  certification\n  genres {\n    id\n    name\n  }\n  ratingSummary {\n    average\n    count\n  }\n}\n\nfragment SessionFields on AuthPayload {\n  accessToken\n  accessTokenExpiresAt\n  refreshToken\n  refreshTokenExpiresAt\n  user {\n    id\n    displayName\n    email\n    role\n  }\n}\n\nfragment ReviewFields on Review {\n  id\n  rating\n  title\n  body\n  containsSpoilers\n  helpfulCount\n  viewerMarkedHelpful\n  createdAt\n  author {\n    id\n    displayName\n  }\n}\n\nfragment ShowtimeSummary on Showtime {\n  id\n  startsAt\n  price {\n    amountCents\n    currency\n  }\n  movie {\n    id\n    slug\n    title\n  }\n  theater {\n    id\n    name\n    city\n    timeZone\n  }\n  screen {\n    id\n    name\n  }\n}\n\nfragment BookingFields on Booking {\n  id\n  status\n  totalCents\n  currency\n  expiresAt\n  createdAt\n  seats {\n    id\n    label\n    type\n    priceCents\n  }\n  showtime {\n    ...ShowtimeSummary\n  }\n  payment {\n    id\n    status\n    failureReason\n  }\n}\n\nfragment RecommendationFields on RecommendationEdge {\n  reason\n  node {\n    id\n    slug\n    title\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PopularMovies($first: Int) {\n  popularMovies(first: $first) {\n    edges {\n      ...RecommendationFields\n    }\n  }\n}"): (typeof documents)["query PopularMovies($first: Int) {\n  popularMovies(first: $first) {\n    edges {\n      ...RecommendationFields\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecommendedMovies($first: Int) {\n  me {\n    id\n    recommendedMovies(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}"): (typeof documents)["query RecommendedMovies($first: Int) {\n  me {\n    id\n    recommendedMovies(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SimilarMovies($movieId: ID!, $first: Int) {\n  movie(id: $movieId) {\n    id\n    similar(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}"): (typeof documents)["query SimilarMovies($movieId: ID!, $first: Int) {\n  movie(id: $movieId) {\n    id\n    similar(first: $first) {\n      edges {\n        ...RecommendationFields\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;