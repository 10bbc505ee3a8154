export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. 2026-11-26T18:30:00.000Z. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * A signed-in session: a short-lived access token (send it as `Authorization: Bearer ...`)
 * and a refresh token to get the next one. Each refresh token works once.
 */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  accessToken: Scalars['String']['output'];
  accessTokenExpiresAt: Scalars['DateTime']['output'];
  refreshToken: Scalars['String']['output'];
  refreshTokenExpiresAt: Scalars['DateTime']['output'];
  user: User;
};

export type CacheControlScope =
  /** Only for the viewer it was answered to; never cached for anonymous callers. */
  | 'PRIVATE'
  | 'PUBLIC';

/** Owned by the movies subgraph; users stores genre ids only. */
export type Genre = {
  __typename?: 'Genre';
  id: Scalars['ID']['output'];
};

export type LoginInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Wrong email or password is UNAUTHENTICATED; 5 failures in 15 minutes is RATE_LIMITED. */
  login: AuthPayload;
  /** Ends the login the refresh token belongs to. Always true, even for an unknown token. */
  logout: Scalars['Boolean']['output'];
  /** Spends a refresh token for a new session. Reusing a spent one signs out the whole login. */
  refreshToken: AuthPayload;
  /** Creates an account and signs it in. A taken email is CONFLICT. */
  register: AuthPayload;
  updateProfile: User;
};


export type MutationLoginArgs = {
  input: LoginInput;
};


export type MutationLogoutArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRefreshTokenArgs = {
  refreshToken: Scalars['String']['input'];
};


export type MutationRegisterArgs = {
  input: RegisterInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type ProfilePreferences = {
  __typename?: 'ProfilePreferences';
  /** Resolved by the movies subgraph from the genre ids stored here. */
  favoriteGenres: Array<Genre>;
};

export type Query = {
  __typename?: 'Query';
  /** The signed-in user, or null when the request is anonymous. */
  me: Maybe<User>;
  /** Every account, newest first. ADMIN only. */
  users: UserConnection;
};


export type QueryUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RegisterInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  /** At least 10 characters. */
  password: Scalars['String']['input'];
};

export type Role =
  /** Staff: may change the catalog and see every account. */
  | 'ADMIN'
  /** A partner integration (calls with persisted queries). */
  | 'PARTNER'
  /** A customer. */
  | 'USER';

export type UpdateProfileInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the list. At most 20 genre ids. */
  favoriteGenreIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** A CineGraph account. Other subgraphs extend it (reviews, watchlist, bookings, ...). */
export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  /** Visible to the account holder and to admins only (FORBIDDEN otherwise). */
  email: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Visible to the account holder and to admins only (FORBIDDEN otherwise). */
  preferences: Maybe<ProfilePreferences>;
  role: Role;
};

export type UserConnection = {
  __typename?: 'UserConnection';
  edges: Array<UserEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type UserEdge = {
  __typename?: 'UserEdge';
  cursor: Scalars['String']['output'];
  node: User;
};
