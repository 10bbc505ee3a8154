import type { PrismaClient } from '../generated/prisma/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { positiveSignals } from '../signals/positiveSignals.ts';

/** How many similar movies are kept for each movie. */
export const SIMILAR_PER_MOVIE = 50;
/** The blend: content similarity and co-occurrence count alike (bench:recommendations). */
export const CONTENT_SHARE = 0.5;
/**
 * Co-occurrence shrinks toward 0 while few people liked both: n / (n + 3), so one person's
 * two favourites are a hint (0.25 of their cosine) and twenty people's a fact (0.87).
 */
const CO_SHRINK = 3;

/**
 * Recomputes every movie's most similar movies, in SQL over this subgraph's own tables,
 * in one transaction (readers see the old table until it commits):
 *
 * - content: cosine of the movies' feature vectors, each feature's weight times its
 *   inverse document frequency (ln(movies / movies with it + 1));
 * - co-occurrence: cosine of the movies' vectors of people's positive weights
 *   (positiveSignals.ts), shrunk while few people liked both;
 * - the blend keeps the best SIMILAR_PER_MOVIE of each movie.
 *
 * Both are pairs through an inverted index (a shared feature, a shared person), so the
 * cost follows the pairs that share something, not the square of the catalog.
 */
export async function recomputeSimilarities(db: PrismaClient): Promise<number> {
  const [, , inserted] = await db.$transaction([
    // Two recomputes at once (a lease handed over mid-run) take turns; readers never wait.
    db.$executeRaw`LOCK TABLE similarities IN EXCLUSIVE MODE`,
    db.$executeRaw`DELETE FROM similarities`,
    db.$executeRaw`
      INSERT INTO similarities (movie_id, similar_id, score, content_score, co_score)
      WITH total AS (SELECT greatest(count(*), 1)::float8 AS movies FROM movies),
      frequency AS (SELECT feature, count(*)::float8 AS movies FROM movie_features GROUP BY feature),
      weighted AS (
        SELECT f.movie_id, f.feature, f.weight * ln(total.movies / frequency.movies + 1) AS w,
               frequency.movies AS shared_by
          FROM movie_features f JOIN frequency USING (feature) CROSS JOIN total),
      content_norm AS (SELECT movie_id, sqrt(sum(w * w)) AS norm FROM weighted GROUP BY movie_id),
      content AS (
        SELECT a.movie_id, b.movie_id AS similar_id, sum(a.w * b.w) / (na.norm * nb.norm) AS score
          FROM weighted a
          JOIN weighted b ON b.feature = a.feature AND b.movie_id <> a.movie_id
          JOIN content_norm na ON na.movie_id = a.movie_id
          JOIN content_norm nb ON nb.movie_id = b.movie_id
         WHERE a.shared_by > 1
         GROUP BY a.movie_id, b.movie_id, na.norm, nb.norm),
      positive AS (${positiveSignals()}),
      people_norm AS (SELECT movie_id, sqrt(sum(weight * weight)) AS norm FROM positive GROUP BY movie_id),
      co AS (
        SELECT a.movie_id, b.movie_id AS similar_id,
               sum(a.weight * b.weight) / (na.norm * nb.norm) * count(*) / (count(*) + ${CO_SHRINK}) AS score
          FROM positive a
          JOIN positive b ON b.user_id = a.user_id AND b.movie_id <> a.movie_id
          JOIN people_norm na ON na.movie_id = a.movie_id
          JOIN people_norm nb ON nb.movie_id = b.movie_id
         GROUP BY a.movie_id, b.movie_id, na.norm, nb.norm),
      blended AS (
        SELECT COALESCE(c.movie_id, o.movie_id) AS movie_id,
               COALESCE(c.similar_id, o.similar_id) AS similar_id,
               COALESCE(c.score, 0) AS content_score, COALESCE(o.score, 0) AS co_score
          FROM content c FULL JOIN co o ON o.movie_id = c.movie_id AND o.similar_id = c.similar_id),
      ranked AS (
        SELECT b.*, ${CONTENT_SHARE} * content_score + ${1 - CONTENT_SHARE} * co_score AS score,
               row_number() OVER (
                 PARTITION BY b.movie_id
                 ORDER BY ${CONTENT_SHARE} * content_score + ${1 - CONTENT_SHARE} * co_score DESC, b.similar_id
               ) AS rank
          FROM blended b
          JOIN movies m ON m.movie_id = b.movie_id
          JOIN movies s ON s.movie_id = b.similar_id)
      SELECT movie_id, similar_id, score, content_score, co_score
        FROM ranked WHERE rank <= ${SIMILAR_PER_MOVIE} AND score > 0`,
  ]);
  return inserted;
}

/**
 * What the recompute reads, summed up: when it is unchanged since the last run, there is
 * nothing to do. Counts catch deletions; the latest times catch changes in place.
 */
export async function inputsFingerprint(db: PrismaClient): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>(Prisma.sql`
    SELECT concat_ws('/',
      (SELECT count(*) FROM signals), (SELECT max(occurred_at) FROM signals),
      (SELECT sum(value) FROM signals),
      (SELECT count(*) FROM movies), (SELECT max(updated_at) FROM movies),
      (SELECT count(*) FROM movie_features)) AS fingerprint`);
  return row?.fingerprint ?? '';
}
