import { useMutation, useQuery } from '@apollo/client/react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadMore } from '../components/LoadMore.tsx';
import { formatDateTime } from '../format.ts';
import { MarkNotificationsReadDocument, MyNotificationsDocument } from '../gql/graphql.ts';

const channelText = { EMAIL: 'Email', SMS: 'Text message', PUSH: 'Push' };

export function NotificationsPage() {
  const { data, loading, error, fetchMore } = useQuery(MyNotificationsDocument, {
    variables: { first: 20 },
    // The saga's messages arrive a moment after the action that caused them.
    pollInterval: 5_000,
    notifyOnNetworkStatusChange: true,
  });
  const [markRead, marking] = useMutation(MarkNotificationsReadDocument, {
    refetchQueries: ['UnreadNotificationCount'],
  });
  const me = data?.me;
  const unreadIds =
    me?.notifications.edges.filter(({ node }) => !node.readAt).map(({ node }) => node.id) ?? [];

  return (
    <section className="page narrow">
      <div className="section-heading">
        <h1>Notifications</h1>
        {unreadIds.length > 0 && (
          <button
            type="button"
            disabled={marking.loading}
            onClick={() =>
              void markRead({ variables: { ids: unreadIds.slice(0, 100) } }).catch(() => undefined)
            }
          >
            Mark all read
          </button>
        )}
      </div>
      <ErrorNotice error={error ?? marking.error} />
      {me?.notifications.edges.length === 0 && <p>No messages yet.</p>}
      <ul className="stack">
        {me?.notifications.edges.map(({ node }) => (
          <li key={node.id}>
            <article
              className={`card notification ${node.readAt ? '' : 'unread'}`}
              aria-label={node.subject}
            >
              <header>
                <h2>{node.subject}</h2>
                <span className="muted">
                  {channelText[node.channel]} · {formatDateTime(node.createdAt)}
                  {node.readAt ? '' : ' · unread'}
                </span>
              </header>
              <p className="notification-body">{node.body}</p>
            </article>
          </li>
        ))}
      </ul>
      {me && (
        <LoadMore pageInfo={me.notifications.pageInfo} loading={loading} fetchMore={fetchMore} />
      )}
    </section>
  );
}
