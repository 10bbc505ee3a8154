/**
 * What a movie is made of, for content similarity. Each feature has a weight before
 * inverse document frequency (the recompute applies it, so a genre half the catalog has
 * counts for little and a director of three movies for much):
 *
 * - `genre:<id>` 1: the strongest single hint of taste;
 * - `person:<id>` by role: a director 1, cast 0.8, a writer 0.6, the rest of the crew 0.3;
 * - `term:<word>` 0.4 each: the synopsis's content words (lower case, no stop words, at
 *   least 4 letters, an `s` plural folded), so "a heist in Lyon" meets "heists in Lyon".
 */
export interface MovieContent {
  genreIds: readonly string[];
  credits: readonly { personId: string; role: string }[];
  synopsis: string;
}

const ROLE_WEIGHTS: Record<string, number> = {
  DIRECTOR: 1,
  CAST: 0.8,
  WRITER: 0.6,
};
const CREW_WEIGHT = 0.3;
const GENRE_WEIGHT = 1;
const TERM_WEIGHT = 0.4;

const STOP_WORDS = new Set(
  (
    'about above after again against also among because been before being below between ' +
    'both could does doing down during each from further have having here into just more ' +
    'most must once only other over same should some such than that their them then there ' +
    'these they this those through under until very what when where which while whom whose ' +
    'will with would your yours when finds must when who his her hers its our out own one ' +
    'two three year years life lives world story film movie'
  ).split(' '),
);

/** The synopsis's content words, each once. */
export function synopsisTerms(synopsis: string): string[] {
  const terms = new Set<string>();
  for (const word of synopsis.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (word.length < 4 || STOP_WORDS.has(word)) continue;
    terms.add(
      word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
    );
  }
  return [...terms];
}

/** The features of a movie, each once with its highest weight. */
export function movieFeatures(content: MovieContent): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) =>
    features.set(feature, Math.max(weight, features.get(feature) ?? 0));
  for (const genreId of content.genreIds) add(`genre:${genreId}`, GENRE_WEIGHT);
  for (const credit of content.credits)
    add(`person:${credit.personId}`, ROLE_WEIGHTS[credit.role] ?? CREW_WEIGHT);
  for (const term of synopsisTerms(content.synopsis)) add(`term:${term}`, TERM_WEIGHT);
  return features;
}
