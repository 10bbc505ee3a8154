// `npm run check:concurrent-mix [-- --url URL --rounds 40 --each 15 --slug SLUG]`: three
// different operations on one movie, fired at a running gateway at once (`--each` of each
// per round), compared with the answer each operation gets when it runs alone. Any
// difference is a wrong answer: an operation's answer must never depend on what else is in
// flight. Run it against `npm start` with the rate limit off (RATE_LIMITS_ENABLED=false),
// or the per-address limit refuses most of the mix. Exits 1 when an answer was wrong.
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000/graphql' },
    rounds: { type: 'string', default: '40' },
    each: { type: 'string', default: '15' },
    slug: { type: 'string' },
  },
});
const rounds = Number(args.rounds);
const each = Number(args.each);

const operations = [
  'query ($slug: String!) { movie(slug: $slug) { id title reviews(first: 1) { edges { node { id author { displayName } } } } } }',
  'query ($slug: String!) { movie(slug: $slug) { id title reviews(first: 2, orderBy: NEWEST) { edges { node { id rating author { displayName } } } } } }',
  'query ($slug: String!) { movie(slug: $slug) { id title watchlistCount reviews(first: 2) { totalCount } } }',
];

async function post(query: string, variables: Record<string, unknown>): Promise<string> {
  const response = await fetch(args.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
  return text;
}

/** The movie with the most reviews among the first hundred, unless one is named. */
async function pickSlug(): Promise<string> {
  if (args.slug) return args.slug;
  const body = JSON.parse(
    await post(
      '{ movies(first: 100) { edges { node { slug reviews(first: 1) { totalCount } } } } }',
      {},
    ),
  ) as {
    data?: {
      movies: { edges: { node: { slug: string; reviews: { totalCount: number } } }[] };
    };
  };
  const movies = body.data?.movies.edges.map((edge) => edge.node) ?? [];
  movies.sort((a, b) => b.reviews.totalCount - a.reviews.totalCount);
  const movie = movies[0];
  if (!movie || movie.reviews.totalCount < 2)
    throw new Error('no movie with two reviews: seed the databases first (npm start does)');
  return movie.slug;
}

const slug = await pickSlug();
const variables = { slug };
const expected: string[] = [];
for (const query of operations) expected.push(await post(query, variables));
console.log(
  `concurrent mix on ${args.url}, movie ${slug}: ${rounds} rounds of ${each} × ${operations.length} operations at once`,
);

let wrong = 0;
let total = 0;
let example: { operation: number; answer: string } | undefined;
for (let round = 0; round < rounds; round++) {
  const batch: number[] = [];
  for (let copy = 0; copy < each; copy++) batch.push(...operations.map((_, index) => index));
  batch.sort(() => Math.random() - 0.5);
  const answers = await Promise.all(batch.map((index) => post(operations[index]!, variables)));
  answers.forEach((answer, position) => {
    total++;
    const operation = batch[position]!;
    if (answer === expected[operation]) return;
    wrong++;
    example ??= { operation, answer };
  });
}

console.log(`${wrong} of ${total} answers were wrong`);
if (example) {
  console.log(`operation: ${operations[example.operation]}`);
  console.log(`alone:     ${expected[example.operation]}`);
  console.log(`in the mix: ${example.answer}`);
  process.exitCode = 1;
}
