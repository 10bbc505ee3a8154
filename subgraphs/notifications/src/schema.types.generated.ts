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

export type CacheControlScope =
  /** Only for the viewer it was answered to; never cached for anonymous callers. */
  | 'PRIVATE'
  | 'PUBLIC';

export type MarkNotificationsReadPayload = {
  __typename?: 'MarkNotificationsReadPayload';
  notifications: Array<Notification>;
  unreadNotificationCount: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Marks the signed-in user's notifications read (already read ones keep their time).
   * At most 100 ids; an unknown id is NOT_FOUND, someone else's is FORBIDDEN, and then
   * nothing is marked.
   */
  markNotificationsRead: MarkNotificationsReadPayload;
  /** Turns channels on or off for the signed-in user; returns every channel's setting. */
  updateNotificationPreferences: Array<NotificationPreference>;
};


export type MutationMarkNotificationsReadArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationUpdateNotificationPreferencesArgs = {
  preferences: Array<NotificationPreferenceInput>;
};

/**
 * A message CineGraph sent (or is sending) to a user. Private to that user: nobody else,
 * admins included, may read it (FORBIDDEN).
 */
export type Notification = {
  __typename?: 'Notification';
  body: Scalars['String']['output'];
  channel: NotificationChannel;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** When the user marked it read; null while unread. */
  readAt: Maybe<Scalars['DateTime']['output']>;
  status: NotificationStatus;
  subject: Scalars['String']['output'];
  /** What kind of message it is, e.g. `welcome`. */
  template: Scalars['String']['output'];
  user: User;
};

export type NotificationChannel =
  | 'EMAIL'
  | 'PUSH'
  | 'SMS';

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  edges: Array<NotificationEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type NotificationEdge = {
  __typename?: 'NotificationEdge';
  cursor: Scalars['String']['output'];
  node: Notification;
};

/**
 * Whether a user wants messages on a channel. Every channel is on until turned off; an
 * opted-out channel gets nothing.
 */
export type NotificationPreference = {
  __typename?: 'NotificationPreference';
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['output'];
};

export type NotificationPreferenceInput = {
  channel: NotificationChannel;
  enabled: Scalars['Boolean']['input'];
};

export type NotificationStatus =
  /** Every delivery attempt failed. */
  | 'FAILED'
  /** Recorded; not handed to the email/SMS/push provider yet. */
  | 'PENDING'
  | 'SENT';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** One entry per channel. Only the user may read them (FORBIDDEN otherwise). */
  notificationPreferences: Array<NotificationPreference>;
  /** Newest first. Only the user may read them (FORBIDDEN otherwise). */
  notifications: NotificationConnection;
  /** Only the user may read it (FORBIDDEN otherwise). */
  unreadNotificationCount: Scalars['Int']['output'];
};


export type UserNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};
