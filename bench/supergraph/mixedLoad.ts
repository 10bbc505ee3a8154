import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import type { BenchOperation } from './operations.ts';
import type { Category, PlannedRequest } from './plannedRequest.ts';
import { EXPECTED_REFUSALS } from './plannedRequest.ts';
import { deriveSeed } from './randomChoices.ts';
import type { SeededData } from './seededData.ts';
import type { Viewer } from './viewers.ts';
import { createConnectionWorkload } from './workload.ts';

export interface LoadOptions {
  /** The gateway's GraphQL endpoint. */
  url: string;
  seconds: number;
  connections: number;
  /** Every connection's draws derive from it: the same seed, the same requests in the same order. */
  seed: number;
  /** This load's number in the run (see PlanContext.pass). */
  pass: number;
  viewers: Viewer[];
  data: SeededData;
  operations: Record<string, BenchOperation>;
  /** The answer check of each operation (answerShape.ts). */
  checks: Record<string, (data: unknown) => string | null>;
  uniqueKey(): string;
}

export interface LoadResult {
  /** Answered as they should be: data, or a business refusal to a write. */
  requests: number;
  wallSeconds: number;
  /** Milliseconds of each of those, sorted. */
  latencies: number[];
  /** Transport failures, non-200 statuses, errors on reads, wrong shapes. */
  errors: number;
  /** CONFLICT or NOT_FOUND on a write (a held seat, a second review, an expired hold). */
  expectedRefusals: number;
  /** Any other error code on a write. */
  unexpectedRefusals: number;
  /** Errors and unexpected refusals by operation and cause, with a sample. */
  problems: Map<string, { count: number; sample: string }>;
  /** Expected refusals by operation and code, e.g. `HoldSeats CONFLICT` → 3. */
  refusals: Record<string, number>;
  byCategory: Record<Category, number>;
  byOperation: Record<string, number>;
  /** Milliseconds of each answered request by operation, sorted. */
  latenciesByOperation: Record<string, number[]>;
}

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message?: string; extensions?: { code?: unknown; limit?: unknown } }[];
}

/** What went wrong with one request, or null when it was answered as it should be. */
type Outcome =
  | { kind: 'ok'; data: Record<string, unknown> }
  | { kind: 'refused'; codes: string }
  | { kind: 'error'; cause: string }
  | { kind: 'unexpected'; cause: string };

function judge(
  planned: PlannedRequest,
  status: number,
  text: string,
  check: (data: unknown) => string | null,
): Outcome {
  if (status !== 200) return { kind: 'error', cause: `HTTP ${status}: ${text.slice(0, 300)}` };
  let answer: Answer;
  try {
    answer = JSON.parse(text) as Answer;
  } catch {
    return { kind: 'error', cause: `not JSON: ${text.slice(0, 300)}` };
  }
  if (answer.errors?.length) {
    const codes = answer.errors.map((error) => String(error.extensions?.code ?? 'no code'));
    const cause = `${codes.join(',')}: ${answer.errors[0]!.message?.slice(0, 300) ?? ''}`;
    if (planned.category !== 'write') return { kind: 'error', cause };
    if (codes.every((code) => EXPECTED_REFUSALS.has(code))) {
      planned.onRefusal?.();
      // A cap names itself (MAX_UNPAID_BOOKINGS, ...): told apart from a seat someone holds.
      const limits = answer.errors.flatMap((error) =>
        error.extensions?.limit ? [String(error.extensions.limit)] : [],
      );
      return { kind: 'refused', codes: [...new Set([...codes, ...limits])].join(',') };
    }
    return { kind: 'unexpected', cause };
  }
  const problem = check(answer.data);
  if (problem) return { kind: 'error', cause: `shape: ${problem}` };
  planned.onData?.(answer.data!);
  return { kind: 'ok', data: answer.data! };
}

/**
 * A fixed number of connections (an undici pool of as many sockets), each sending the
 * requests of its own seeded sequence one after another for `seconds`, as its viewers
 * (see createConnectionWorkload). Every answer is checked (judge).
 */
export async function runMixedLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.viewers.length < options.connections)
    throw new Error('Give every connection at least one viewer of its own');
  const endpoint = new URL(options.url);
  const pool = new Pool(endpoint.origin, {
    connections: options.connections,
    pipelining: 1,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const result: LoadResult = {
    requests: 0,
    wallSeconds: 0,
    latencies: [],
    errors: 0,
    expectedRefusals: 0,
    unexpectedRefusals: 0,
    problems: new Map(),
    refusals: {},
    byCategory: { 'catalog read': 0, 'signed-in read': 0, 'movie page': 0, write: 0 },
    byOperation: {},
    latenciesByOperation: {},
  };
  const noteProblem = (operation: string, cause: string) => {
    // Ids and numbers differ between requests; the cause is what they have in common.
    const key = `${operation}: ${cause.replace(/[0-9a-f-]{36}|\d+/g, '#').slice(0, 120)}`;
    const entry = result.problems.get(key) ?? { count: 0, sample: cause };
    entry.count++;
    result.problems.set(key, entry);
  };
  const started = performance.now();
  const deadline = started + options.seconds * 1_000;
  try {
    await Promise.all(
      Array.from({ length: options.connections }, async (_, connection) => {
        const own = options.viewers.filter((_, i) => i % options.connections === connection);
        const workload = createConnectionWorkload(
          {
            data: options.data,
            viewers: options.viewers,
            uniqueKey: options.uniqueKey,
            pass: options.pass,
          },
          own,
          deriveSeed(options.seed, connection),
        );
        while (performance.now() < deadline) {
          const planned = workload.next();
          const operation = options.operations[planned.operation];
          if (!operation) throw new Error(`No operation ${planned.operation}`);
          const t0 = performance.now();
          let outcome: Outcome;
          let elapsed = 0;
          try {
            const response = await pool.request({
              path: endpoint.pathname,
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                accept: 'application/json',
                ...(planned.token ? { authorization: `Bearer ${planned.token}` } : {}),
              },
              body: JSON.stringify({ query: operation.body, variables: planned.variables }),
            });
            const text = await response.body.text();
            elapsed = performance.now() - t0;
            outcome = judge(planned, response.statusCode, text, options.checks[operation.name]!);
          } catch (error) {
            outcome = { kind: 'error', cause: `transport: ${(error as Error).message}` };
          }
          result.byCategory[planned.category]++;
          result.byOperation[operation.name] = (result.byOperation[operation.name] ?? 0) + 1;
          if (outcome.kind === 'ok' || outcome.kind === 'refused') {
            result.requests++;
            result.latencies.push(elapsed);
            (result.latenciesByOperation[operation.name] ??= []).push(elapsed);
            if (outcome.kind === 'refused') {
              result.expectedRefusals++;
              const key = `${operation.name} ${outcome.codes}`;
              result.refusals[key] = (result.refusals[key] ?? 0) + 1;
            }
            const followUp = outcome.kind === 'ok' ? planned.followUp?.(outcome.data) : undefined;
            if (followUp) workload.follow(followUp);
          } else {
            if (outcome.kind === 'error') result.errors++;
            else result.unexpectedRefusals++;
            noteProblem(operation.name, outcome.cause);
          }
        }
      }),
    );
  } finally {
    await pool.close();
  }
  result.wallSeconds = (performance.now() - started) / 1_000;
  result.latencies.sort((a, b) => a - b);
  for (const latencies of Object.values(result.latenciesByOperation))
    latencies.sort((a, b) => a - b);
  return result;
}
