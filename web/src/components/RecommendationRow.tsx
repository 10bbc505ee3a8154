import { useId } from 'react';
import { Link } from 'react-router';
import type { RecommendationFieldsFragment } from '../gql/graphql.ts';
import { Poster } from './Poster.tsx';

/**
 * A row of recommended movies, each linked to its page, with the reason the
 * recommendations subgraph gives for it, shown as it stands ("Because you liked Heat").
 * Nothing at all while there is none: a row of picks adds to a page, it never is the page,
 * so it takes no room (and says nothing) while loading, when empty or when it failed.
 */
export function RecommendationRow({
  title,
  edges,
}: {
  title: string;
  edges: readonly RecommendationFieldsFragment[] | undefined;
}) {
  const headingId = useId();
  if (!edges?.length) return null;
  return (
    <section className="picks" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul className="pick-row">
        {edges.map(({ node, reason }) => (
          <li key={node.id} className="pick">
            <Poster id={node.id} title={node.title} />
            <h3>
              <Link to={`/movies/${node.slug}`}>{node.title}</Link>
            </h3>
            <p className="muted">{reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
