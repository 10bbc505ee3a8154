import { useEffect, useRef, useState } from 'react';

/**
 * Infinite scroll: loads the next page while the end of the list is in view (so a tall
 * screen fills up), with a button for keyboards and for browsers without
 * IntersectionObserver.
 */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  label = 'Load more',
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  label?: string;
}) {
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
