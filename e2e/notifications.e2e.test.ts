import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'amqplib';
import { describe, expect, it } from 'vitest';
import { createEnvelope, exchangeName } from '@cinegraph/events';
import { repoRoot } from '@cinegraph/stack';
import { errorCodes, eventually, graphqlRequest } from '@cinegraph/testing';
import { useStack } from '@cinegraph/stack/testing';
import { register as registerAccount, seededAccounts, signIn } from './support/accounts.ts';

const run = promisify(execFile);

const stack = useStack();

const INBOX = /* GraphQL */ `
  query Inbox($unreadOnly: Boolean) {
    me {
      unreadNotificationCount
      notifications(first: 10, unreadOnly: $unreadOnly) {
        totalCount
        edges {
          node {
            id
            channel
            template
            subject
            body
            status
            createdAt
            readAt
            user {
              id
              displayName
            }
          }
        }
      }
    }
  }
`;
const MARK_READ = /* GraphQL */ `
  mutation MarkRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      unreadNotificationCount
      notifications {
        id
        readAt
      }
    }
  }
`;

interface InboxNotification {
  id: string;
  channel: string;
  template: string;
  subject: string;
  body: string;
  status: string;
  readAt: string | null;
  user: { id: string; displayName: string };
}
interface Inbox {
  me: {
    unreadNotificationCount: number;
    notifications: { totalCount: number; edges: { node: InboxNotification }[] };
  };
}

const register = (displayName: string) => registerAccount(stack, displayName);

/** The inbox once `ready` holds (events cross the broker asynchronously). */
async function inboxWhen(token: string, ready: (inbox: Inbox['me']) => boolean) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const response = await stack.graphql<Inbox>(INBOX, { token });
    expect(response.errors).toBeUndefined();
    if (ready(response.data!.me)) return response.data!.me;
    if (Date.now() > deadline)
      throw new Error(`inbox never got there: ${JSON.stringify(response.data)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('notifications', () => {
  it('welcomes a new account: register through the gateway, the welcome email appears under me', async () => {
    const ada = await register('Ada Lovelace');
    const inbox = await inboxWhen(ada.token, (me) =>
      me.notifications.edges.some(({ node }) => node.status === 'SENT'),
    );

    expect(inbox.unreadNotificationCount).toBe(1);
    expect(inbox.notifications.totalCount).toBe(1);
    const [welcome] = inbox.notifications.edges.map((edge) => edge.node);
    expect(welcome).toMatchObject({
      channel: 'EMAIL',
      template: 'welcome',
      subject: 'Welcome to CineGraph, Ada Lovelace',
      status: 'SENT',
      readAt: null,
      // The gateway joins the account from the users subgraph.
      user: { id: ada.id, displayName: 'Ada Lovelace' },
    });
    expect(welcome!.body).toContain('Hello Ada Lovelace');
  });

  it('welcomed the seeded accounts too', async () => {
    const alice = await signIn(stack, seededAccounts.alice);
    const inbox = await inboxWhen(alice.token, (me) => me.notifications.edges.length > 0);
    expect(inbox.notifications.edges.map((edge) => edge.node.template)).toEqual(['welcome']);
  });

  it('marks notifications read, and filters to the unread ones', async () => {
    const grace = await register('Grace Hopper');
    // The page and the count are two statements: wait until both show the welcome email.
    const inbox = await inboxWhen(
      grace.token,
      (me) => me.notifications.totalCount === 1 && me.notifications.edges.length === 1,
    );
    const id = inbox.notifications.edges[0]!.node.id;

    const marked = await stack.graphql<{
      markNotificationsRead: {
        unreadNotificationCount: number;
        notifications: { id: string; readAt: string }[];
      };
    }>(MARK_READ, { token: grace.token, variables: { ids: [id] } });
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markNotificationsRead.unreadNotificationCount).toBe(0);
    const readAt = marked.data!.markNotificationsRead.notifications[0]!.readAt;
    expect(Date.parse(readAt)).not.toBeNaN();

    // Marking again keeps the first time.
    const again = await stack.graphql<{
      markNotificationsRead: { notifications: { readAt: string }[] };
    }>(MARK_READ, { token: grace.token, variables: { ids: [id] } });
    expect(again.data!.markNotificationsRead.notifications[0]!.readAt).toBe(readAt);

    const unread = await stack.graphql<Inbox>(INBOX, {
      token: grace.token,
      variables: { unreadOnly: true },
    });
    expect(unread.data!.me.notifications.edges).toEqual([]);
    expect(unread.data!.me.unreadNotificationCount).toBe(0);
  });

  it('lets nobody read or mark another user’s notifications, admins included', async () => {
    const owner = await register('Owner');
    const other = await register('Other');
    const inbox = await inboxWhen(
      owner.token,
      (me) => me.notifications.totalCount === 1 && me.notifications.edges.length === 1,
    );
    const id = inbox.notifications.edges[0]!.node.id;

    const marked = await stack.graphql(MARK_READ, { token: other.token, variables: { ids: [id] } });
    expect(errorCodes(marked)).toEqual(['FORBIDDEN']);
    const after = await stack.graphql<Inbox>(INBOX, { token: owner.token });
    expect(after.data!.me.unreadNotificationCount).toBe(1);

    const admin = await signIn(stack, seededAccounts.admin);
    const browse = await stack.graphql(
      /* GraphQL */ `
        query {
          users(first: 100) {
            edges {
              node {
                id
                notifications {
                  totalCount
                }
              }
            }
          }
        }
      `,
      { token: admin.token },
    );
    expect(errorCodes(browse)).toContain('FORBIDDEN');

    // Asking the subgraph directly for the entity is no way round it.
    const direct = await graphqlRequest(
      `${stack.urls['notifications']}/graphql`,
      /* GraphQL */ `
        query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Notification {
              subject
            }
          }
        }
      `,
      { token: other.token, variables: { representations: [{ __typename: 'Notification', id }] } },
    );
    expect(errorCodes(direct)).toEqual(['FORBIDDEN']);
  });

  it('answers bad requests with clear codes', async () => {
    const user = await register('Careful');
    const anonymous = await stack.graphql(MARK_READ, { variables: { ids: [] } });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);

    const notAnId = await stack.graphql(MARK_READ, {
      token: user.token,
      variables: { ids: ['x'] },
    });
    expect(errorCodes(notAnId)).toEqual(['BAD_USER_INPUT']);

    const unknown = await stack.graphql(MARK_READ, {
      token: user.token,
      variables: { ids: ['0190b6f2-8a4e-7c3d-9f21-5a6b7c8d9e0f'] },
    });
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);

    const tooMany = await stack.graphql(MARK_READ, {
      token: user.token,
      variables: { ids: Array.from({ length: 101 }, () => '0190b6f2-8a4e-7c3d-9f21-5a6b7c8d9e0f') },
    });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);

    const twice = await stack.graphql(
      /* GraphQL */ `
        mutation {
          updateNotificationPreferences(
            preferences: [{ channel: EMAIL, enabled: false }, { channel: EMAIL, enabled: true }]
          ) {
            channel
          }
        }
      `,
      { token: user.token },
    );
    expect(errorCodes(twice)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps notification preferences per channel', async () => {
    const user = await register('Quiet');
    const update = await stack.graphql<{
      updateNotificationPreferences: { channel: string; enabled: boolean }[];
    }>(
      /* GraphQL */ `
        mutation {
          updateNotificationPreferences(preferences: [{ channel: SMS, enabled: false }]) {
            channel
            enabled
          }
        }
      `,
      { token: user.token },
    );
    expect(update.data!.updateNotificationPreferences).toEqual([
      { channel: 'EMAIL', enabled: true },
      { channel: 'SMS', enabled: false },
      { channel: 'PUSH', enabled: true },
    ]);
    const read = await stack.graphql<{ me: { notificationPreferences: unknown[] } }>(
      /* GraphQL */ `
        query {
          me {
            notificationPreferences {
              channel
              enabled
            }
          }
        }
      `,
      { token: user.token },
    );
    expect(read.data!.me.notificationPreferences).toEqual(
      update.data!.updateNotificationPreferences,
    );
  });
});

// The test publishes a poison event to the broker and runs the CLI against it: services
// mode only. The in-process bus parks and replays dead letters in the events contract tests.
describe.skipIf(stack.mode === 'embedded')('dead letters', () => {
  const script = path.join(repoRoot, 'scripts/events-dead-letters.ts');
  const deadLetters = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      env: { ...process.env, ...stack.eventsEnv },
    });
    return stdout;
  };

  /** Messages in the notifications dead-letter queue, asked of the broker directly. */
  const parked = async () => {
    const connection = await connect(stack.eventsEnv['AMQP_URL']!);
    try {
      const channel = await connection.createChannel();
      const prefix = stack.eventsEnv['EVENTS_PREFIX']!;
      return (await channel.checkQueue(`${prefix}notifications.dlq`)).messageCount;
    } finally {
      await connection.close();
    }
  };

  // Each run of the script starts a Node process: give the test room on a busy machine.
  it('are listed and replayed by npm run events:dead-letters', { timeout: 90_000 }, async () => {
    // An event whose data breaks the catalog: the consumer parks it at once.
    const malformed = createEnvelope('user.registered', {
      userId: crypto.randomUUID(),
      email: 'someone@example.test',
      displayName: 'Someone',
    });
    const connection = await connect(stack.eventsEnv['AMQP_URL']!);
    try {
      const channel = await connection.createConfirmChannel();
      channel.publish(
        exchangeName(stack.eventsEnv['EVENTS_PREFIX']!),
        'user.registered',
        Buffer.from(JSON.stringify({ ...malformed, data: { email: 'not an email' } })),
        { persistent: true, messageId: malformed.id, type: 'user.registered' },
      );
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }

    await eventually(async () => ((await parked()) === 1 ? true : undefined));
    const listed = await deadLetters('list', 'notifications');
    expect(listed).toContain(malformed.id);
    expect(listed).toContain('malformed: invalid user.registered data');
    expect(listed).toContain('1 message(s) in');
    // Listing leaves it where it was.
    expect(await parked()).toBe(1);

    const replayed = await deadLetters('replay', 'notifications', malformed.id);
    expect(replayed).toContain('Replayed 1 message(s)');
    // Still malformed, so the consumer parks it again rather than losing it.
    await eventually(async () => ((await parked()) === 1 ? true : undefined));
    expect(await deadLetters('list', 'notifications')).toContain(malformed.id);
  });
});
