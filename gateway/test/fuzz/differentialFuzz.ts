import { Supergraph } from '@apollo/federation-internals';
import { counterValue } from '@cinegraph/testing';
import { withoutDroppedShapingErrors } from '../support/apolloReference.ts';
import type { GeneratedOperation, Random } from './operationGenerator.ts';
import { createRandom, generateOperations } from './operationGenerator.ts';
import type { Server } from './fuzzServers.ts';
import {
  startCineGraphGateway,
  startFuzzSupergraph,
  startReferenceGateway,
  startTokenIssuer,
} from './fuzzServers.ts';

export interface FuzzOptions {
  seed: number;
  /** Distinct operations to generate. */
  operations: number;
  /** How many times each (operation, viewer) pair is sent in the concurrent mixes. */
  repeats: number;
  /** How many requests are in flight at once in a mix: from, to. */
  concurrency: [number, number];
  /** Up to how long a subgraph waits before answering, in the concurrent mixes (default 6 ms). */
  jitterMs?: number;
  dedupeQueries?: boolean;
}

/** An answer of CineGraph's gateway that differs from the reference's (alone) or its own (mix). */
export interface Mismatch {
  phase: 'alone' | 'mix';
  operation: number;
  viewer: string;
  text: string;
  variables: Record<string, unknown>;
  expected: string;
  actual: string;
}

export interface FuzzReport {
  seed: number;
  operations: number;
  requests: number;
  mismatches: Mismatch[];
  /** Operations that CineGraph's gateway left to @apollo/gateway's executor, by index. */
  fallbacks: number[];
  /** Operations where the reference's correction of an @apollo/gateway bug applied (fuzzServers.ts). */
  corrected: number[];
  /** Operations where the reference's `extensions.valueCompletion` was moved to `errors` (fuzzServers.ts). */
  normalised: number[];
  /** Operations where CineGraph reported shaping errors that the reference dropped (`agrees`). */
  droppedShapingErrors: number[];
  /** Subgraph fetches CineGraph's gateway answered from an identical one in flight. */
  deduplicated: number;
  /** Reference answers that carry errors (the bad paths the corpus exercises). */
  answersWithErrors: number;
  seconds: number;
}

const viewers = ['anonymous', 'u1', 'u2'] as const;

/**
 * The differential fuzzer. Operations are generated from the fuzz supergraph's API schema
 * from a seed, then:
 * 1. each runs alone through plain @apollo/gateway, for each viewer: the reference;
 * 2. each runs alone through CineGraph's gateway, for each viewer: it must answer as the
 *    reference, byte for byte (status and body, errors included; `agrees` says how
 *    shaping errors @apollo/gateway dropped are checked). Which executor ran it is read
 *    from the gateway's metrics;
 * 3. all of them run through CineGraph's gateway in concurrent mixes, with repeats,
 *    viewers interleaved: every answer must be byte-equal to the one it gave alone.
 */
export async function runDifferentialFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const servers: Server[] = [];
  try {
    const supergraph = await startFuzzSupergraph();
    servers.push(...supergraph.subgraphs);
    const issuer = await startTokenIssuer();
    servers.push(issuer);
    const reference = await startReferenceGateway(supergraph.supergraphSdl);
    servers.push(reference);
    const ours = await startCineGraphGateway(supergraph.supergraphSdl, issuer.url, {
      dedupeQueries: options.dedupeQueries ?? true,
    });
    servers.push(ours);
    const tokens: Record<string, string | undefined> = {
      anonymous: undefined,
      u1: await issuer.tokenFor('u1'),
      u2: await issuer.tokenFor('u2'),
    };

    const schema = Supergraph.build(supergraph.supergraphSdl).apiSchema().toGraphQLJSSchema();
    const operations = generateOperations(schema, options.seed, options.operations);
    const ask = (url: string, operation: GeneratedOperation, viewer: string) =>
      answer(url, operation, tokens[viewer]);
    const key = (index: number, viewer: string) => `${index}\0${viewer}`;
    const mismatches: Mismatch[] = [];
    const mismatch = (
      phase: Mismatch['phase'],
      index: number,
      viewer: string,
      expected: string,
      actual: string,
    ) => {
      const { text, variables } = operations[index]!;
      mismatches.push({ phase, operation: index, viewer, text, variables, expected, actual });
    };

    const references = new Map<string, string>();
    const corrected = new Set<number>();
    const normalised = new Set<number>();
    let answersWithErrors = 0;
    for (const [index, operation] of operations.entries())
      for (const viewer of viewers) {
        const before = reference.corrected();
        const movedBefore = reference.normalised();
        const body = await ask(reference.url, operation, viewer);
        if (reference.corrected() > before) corrected.add(index);
        // Counted as before the move, so the corpus's bar for bad paths stays where it was.
        if (reference.normalised() > movedBefore) normalised.add(index);
        else if (body.includes('"errors":')) answersWithErrors++;
        references.set(key(index, viewer), body);
      }

    const alone = new Map<string, string>();
    const fallbacks = new Set<number>();
    const droppedShapingErrors = new Set<number>();
    let apolloRuns = await executedByApollo(ours.url);
    for (const [index, operation] of operations.entries())
      for (const viewer of viewers) {
        const actual = await ask(ours.url, operation, viewer);
        alone.set(key(index, viewer), actual);
        const now = await executedByApollo(ours.url);
        if (now > apolloRuns) fallbacks.add(index);
        apolloRuns = now;
        const wanted = references.get(key(index, viewer))!;
        const verdict = agrees(wanted, actual);
        if (verdict.dropped) droppedShapingErrors.add(index);
        if (!verdict.agrees) mismatch('alone', index, viewer, wanted, verdict.actual);
      }

    // Subgraphs that take a few milliseconds keep more identical fetches in flight at once.
    supergraph.setJitter(options.jitterMs ?? 6);
    const random = createRandom(options.seed ^ 0x5eed);
    const jobs = mixedJobs(random, operations, options.repeats);
    for (let from = 0; from < jobs.length;) {
      const batch = jobs.slice(from, from + random.int(...options.concurrency));
      from += batch.length;
      const answers = await Promise.all(
        batch.map(({ index, viewer }) => ask(ours.url, operations[index]!, viewer)),
      );
      batch.forEach(({ index, viewer }, position) => {
        const wanted = alone.get(key(index, viewer))!;
        if (answers[position] !== wanted)
          mismatch('mix', index, viewer, wanted, answers[position]!);
      });
    }

    return {
      seed: options.seed,
      operations: operations.length,
      requests: operations.length * viewers.length + jobs.length,
      mismatches,
      fallbacks: [...fallbacks],
      corrected: [...corrected],
      normalised: [...normalised],
      droppedShapingErrors: [...droppedShapingErrors],
      deduplicated: await counter(ours.url, 'subgraph_fetches_deduplicated_total'),
      answersWithErrors,
      seconds: (Date.now() - started) / 1_000,
    };
  } finally {
    for (const server of servers.reverse()) await server.close();
  }
}

/**
 * Every (operation, viewer) pair `repeats` times, in an order where the members of a
 * family (which share root fetches) and the viewers (who share fetches only with
 * themselves) are near one another, so that consecutive requests overlap: each round
 * takes the families in a new order, and shuffles each family's pairs; a pair is sent
 * twice at once now and then.
 */
function mixedJobs(random: Random, operations: GeneratedOperation[], repeats: number) {
  const families = new Map<number, number[]>();
  for (const [index, operation] of operations.entries())
    families.set(operation.family, [...(families.get(operation.family) ?? []), index]);
  const jobs: { index: number; viewer: string }[] = [];
  for (let round = 0; round < repeats; round++)
    for (const members of random.shuffle([...families.values()])) {
      const pairs = members.flatMap((index) => viewers.map((viewer) => ({ index, viewer })));
      for (const pair of random.shuffle(pairs)) {
        jobs.push(pair);
        if (random.chance(0.2)) jobs.push(pair);
      }
    }
  return jobs;
}

/**
 * Whether CineGraph's answer (status and body) is the reference's, byte for byte, but for
 * the shaping errors @apollo/gateway drops when a fetch failed: those cannot be put back
 * into the reference, so CineGraph's answer is compared without them (everything else,
 * data, the subgraphs' errors and their order, byte for byte), and each is checked on its
 * own: a shaping error naming its path's field, at a path where the data holds a null,
 * that no subgraph error reports already (support/apolloReference.ts,
 * `withoutDroppedShapingErrors`). `actual` is what to show when they disagree.
 */
function agrees(
  wanted: string,
  actual: string,
): { agrees: boolean; dropped: boolean; actual: string } {
  if (actual === wanted) return { agrees: true, dropped: false, actual };
  const status = (answer: string) => answer.slice(0, answer.indexOf(' '));
  if (status(actual) !== status(wanted)) return { agrees: false, dropped: false, actual };
  const body = (answer: string) => answer.slice(answer.indexOf(' ') + 1);
  const reconciled = withoutDroppedShapingErrors(body(wanted), body(actual));
  const problems = reconciled.problems.length
    ? `\nshaping errors the reference dropped, wrong: ${reconciled.problems.join('; ')}`
    : '';
  return {
    agrees: !problems && `${status(actual)} ${reconciled.ours}` === wanted,
    dropped: reconciled.dropped > 0,
    actual: actual + problems,
  };
}

/** Status and body, as a client receives them, less the request ids errors carry (each request's own). */
async function answer(
  url: string,
  operation: GeneratedOperation,
  token: string | undefined,
): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: operation.text, variables: operation.variables }),
  });
  const text = await response.text();
  return `${response.status} ${text.replace(/,?"requestId":"[^"]*"/g, '')}`;
}

/** A counter of the gateway serving `graphqlUrl`, summed over the samples with `labels`. */
const counter = (graphqlUrl: string, name: string, labels: Record<string, string> = {}) =>
  counterValue(graphqlUrl.replace(/\/graphql$/, ''), name, labels);

const executedByApollo = (url: string) =>
  counter(url, 'gateway_operation_executions_total', { executor: 'apollo' });

/** A mismatch as a reader reproduces it. */
export function describeMismatch(seed: number, mismatch: Mismatch): string {
  return [
    `seed ${seed}, operation #${mismatch.operation} (${mismatch.phase}), viewer ${mismatch.viewer}`,
    mismatch.text,
    `variables: ${JSON.stringify(mismatch.variables)}`,
    `reference: ${mismatch.expected}`,
    `cinegraph: ${mismatch.actual}`,
  ].join('\n');
}
