// `npm run bench:fuzz [-- --minutes 10 --seed N --operations 400 --repeats 3]`: the
// differential fuzzer's soak mode. `npm test` runs one corpus (seed 21); this runs one
// seed after another (from --seed, else a random one) until the time is up, each with its
// own operations and concurrent mixes against plain @apollo/gateway, and prints a row per
// seed. A wrong answer is printed in full with its seed, and the exit code is 1.
// Results: bench/results/gateway-fuzz.md.
import { parseArgs } from 'node:util';
import { describeMismatch, runDifferentialFuzz } from '../gateway/test/fuzz/differentialFuzz.ts';
import { reportTable } from './support/benchStack.ts';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    seed: { type: 'string' },
    operations: { type: 'string', default: '400' },
    repeats: { type: 'string', default: '3' },
  },
});
const deadline = Date.now() + Number(args.minutes) * 60_000;
let seed = args.seed ? Number(args.seed) : Math.floor(Math.random() * 1_000_000);
const rows: Record<string, string | number>[] = [];
let wrong = 0;

console.log(
  `bench:fuzz: ${args.operations} operations per seed, ${args.repeats} rounds of concurrent mixes, for ${args.minutes} min, from seed ${seed}`,
);
do {
  const report = await runDifferentialFuzz({
    seed,
    operations: Number(args.operations),
    repeats: Number(args.repeats),
    concurrency: [10, 80],
  });
  for (const mismatch of report.mismatches.slice(0, 3))
    console.log(`\n${describeMismatch(seed, mismatch)}\n`);
  wrong += report.mismatches.length;
  const row = {
    seed,
    operations: report.operations,
    requests: report.requests,
    wrong: report.mismatches.length,
    'left to @apollo/gateway': report.fallbacks.length,
    'fetches shared': report.deduplicated,
    'reference answers with errors': report.answersWithErrors,
    '@interfaceObject corrections': report.corrected.length,
    seconds: report.seconds.toFixed(1),
  };
  console.log(Object.values(row).join('\t'));
  rows.push(row);
  seed++;
} while (Date.now() < deadline);

await reportTable(
  'gateway-fuzz',
  `The differential fuzzer's soak: ${rows.length} seeds, ${args.operations} operations each, ${args.repeats} rounds of concurrent mixes`,
  rows,
  { seeds: rows.length, operations: Number(args.operations), repeats: Number(args.repeats) },
);
if (wrong > 0) process.exitCode = 1;
