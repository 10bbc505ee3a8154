import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Infinite scroll: loads the next page while the end of the list is in view (so a tall
 * screen fills up), with a button for keyboards and for browsers without
 * IntersectionObserver.
 */
export function LoadMore({
  pageInfo,
  loading,
  fetchMore,
  label = 'Load more',
}: {
  /** The connection's: whether there is more, and the cursor after which it starts. */
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  loading: boolean;
  /** The query's `fetchMore`: the cache's relayStylePagination appends the page. */
  fetchMore: (options: { variables: { after: string | null | undefined } }) => Promise<unknown>;
  label?: string;
}) {
  const hasMore = pageInfo.hasNextPage;
  const after = pageInfo.endCursor;
  const onLoadMore = useCallback(() => {
    // A failed page leaves the button to try again; the query's error shows above.
    void fetchMore({ variables: { after } }).catch(() => undefined);
  }, [fetchMore, after]);
  const sentinel = useRef<HTMLDivElement>(null);
  const [inView, setInView] = useState(false);

  useEffect(() => {
    const element = sentinel.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => setInView(entries.some((entry) => entry.isIntersecting)),
      { rootMargin: '400px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (inView && hasMore && !loading) onLoadMore();
  }, [inView, hasMore, loading, onLoadMore]);

  return (
    <div ref={sentinel} className="load-more">
      {hasMore && (
        <button type="button" onClick={onLoadMore} disabled={loading}>
          {loading ? 'Loading…' : label}
        </button>
      )}
    </div>
  );
}
