// `npm run bench:shared-answers [-- --operations 2000]`: what isolating requests that share
// subgraph answers costs, measured side by side in one process. The heavy query of
// bench:gateway is planned once and executed by CineGraph's plan executor and response
// shaper, with the subgraphs answered in process (each distinct subgraph request executed
// once and its JSON text kept), so that only the gateway's own work is timed, for
// 1, 10 and 50 requests sharing each subgraph answer (as deduplication shares them):
// - parse per request: each request parses the shared bytes itself (isolated);
// - shared, frozen: parsed once, deep-frozen when shared, merged copy-on-write (CineGraph);
// - shared, unprotected: parsed once and merged into in place by every request (the bug
//   this replaced; identical operations here, so the answers stay right and only its cost
//   is shown).
// Results: bench/results/shared-answers.md.
import { parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse } from 'graphql';
import type { SubgraphSender } from '../gateway/src/execution/planExecutor.ts';
import { createPlanExecutor } from '../gateway/src/execution/planExecutor.ts';
import { compileResultShaper } from '../gateway/src/execution/resultShaper.ts';
import { freezeDeep } from '../gateway/src/execution/sharedAnswers.ts';
import { HEAVY_QUERY } from './gateway/queries.ts';
import { benchSubgraphs } from './gateway/subgraphs/schemas.ts';
import { reportTable } from './support/benchStack.ts';

const { values: args } = parseArgs({
  options: { operations: { type: 'string', default: '2000' } },
});
const operationsPerRun = Number(args.operations);

type Strategy = 'parse per request' | 'shared, frozen (CineGraph)' | 'shared, unprotected';
const strategies: Strategy[] = [
  'parse per request',
  'shared, frozen (CineGraph)',
  'shared, unprotected',
];

// Each distinct subgraph request's answer, as the bytes a subgraph would send.
const texts = new Map<string, string>();
const schemas = new Map(
  benchSubgraphs.map((subgraph) => [
    subgraph.name,
    buildSubgraphSchema({ typeDefs: parse(subgraph.typeDefs), resolvers: subgraph.resolvers }),
  ]),
);
async function answerText(name: string, request: { query: string; variables: object }) {
  const key = `${name}\0${JSON.stringify(request)}`;
  let text = texts.get(key);
  if (text === undefined) {
    const result = await execute({
      schema: schemas.get(name)!,
      document: parse(request.query),
      variableValues: request.variables as Record<string, unknown>,
    });
    text = JSON.stringify(result);
    texts.set(key, text);
  }
  return { key, text };
}

/** The answers one group of requests shares: parsed on first use, per strategy. */
let shared = new Map<string, GatewayGraphQLResponse>();
let strategy: Strategy = 'parse per request';
let sharing = 1;

const senders = new Map<string, SubgraphSender<unknown, unknown>>(
  benchSubgraphs.map((subgraph) => [
    subgraph.name,
    {
      async send(request) {
        const { key, text } = await answerText(subgraph.name, request);
        if (strategy === 'parse per request') return JSON.parse(text) as GatewayGraphQLResponse;
        let answer = shared.get(key);
        if (!answer) {
          answer = JSON.parse(text) as GatewayGraphQLResponse;
          // As the data source does: frozen only when more than one request receives it.
          if (strategy === 'shared, frozen (CineGraph)' && sharing > 1) freezeDeep(answer);
          shared.set(key, answer);
        }
        return answer;
      },
    },
  ]),
);

const composed = composeServices(
  benchSubgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.typeDefs), url: 'http://x' })),
);
if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
const supergraph = Supergraph.build(composed.supergraphSdl!);
const operation = operationFromDocument(supergraph.apiSchema(), parse(HEAVY_QUERY));
const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
const executor = createPlanExecutor(supergraph.schema.toGraphQLJSSchema(), senders);
const shaper = compileResultShaper(operation);

async function runOne(): Promise<string> {
  const data = Object.create(null) as Record<string, unknown>;
  const run = {
    context: {},
    options: {},
    variables: {},
    variableDefinitions: operation.variableDefinitions,
    errors: [],
  };
  await executor.execute(run, plan.node!, data);
  return JSON.stringify(shaper.shape(data, {}));
}

const expected = await runOne();

/** Runs `operationsPerRun` operations in groups of `sharing`; µs per operation and wrong answers. */
async function measure(): Promise<{ microseconds: number; wrong: number }> {
  let wrong = 0;
  const started = process.hrtime.bigint();
  for (let done = 0; done < operationsPerRun; done += sharing) {
    shared = new Map();
    const answers = await Promise.all(Array.from({ length: sharing }, runOne));
    for (const answer of answers) if (answer !== expected) wrong++;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1_000;
  return { microseconds: elapsed / operationsPerRun, wrong };
}

console.log(
  `bench:shared-answers: ${operationsPerRun} heavy-query executions per figure, best of 3 interleaved rounds; Node ${process.version}`,
);
const best = new Map<string, { microseconds: number; wrong: number }>();
for (let round = 0; round < 4; round++)
  for (const groupSize of [1, 10, 50])
    for (const each of strategies) {
      strategy = each;
      sharing = groupSize;
      const result = await measure();
      // Round 0 warms the JIT up; the best of the other three is kept.
      if (round === 0) continue;
      const key = `${groupSize}\0${each}`;
      const previous = best.get(key);
      if (!previous || result.microseconds < previous.microseconds) best.set(key, result);
    }

const rows: Record<string, string | number>[] = [];
for (const groupSize of [1, 10, 50]) {
  const floor = best.get(`${groupSize}\0shared, unprotected`)!.microseconds;
  for (const each of strategies) {
    const { microseconds, wrong } = best.get(`${groupSize}\0${each}`)!;
    rows.push({
      'requests sharing each answer': groupSize,
      strategy: each,
      'µs per operation': microseconds.toFixed(0),
      'vs unprotected': `${(microseconds / floor).toFixed(2)}x`,
      'wrong answers': wrong,
    });
  }
}
await reportTable(
  'shared-answers',
  `The heavy query of bench:gateway through CineGraph's plan executor and response shaping, subgraphs answered in process; ${operationsPerRun} executions per figure, best of 3 rounds after a warm-up`,
  rows,
  { 'executions per figure': operationsPerRun, rounds: 3 },
);
