import { isDeepStrictEqual } from 'node:util';
import type { ConformanceOperation, Scenario } from './scenario.ts';
import type { GatewayName } from './serveScenario.ts';
import { GATEWAYS, serveScenario } from './serveScenario.ts';

interface Answer {
  data?: unknown;
  errors?: { path?: (string | number)[] }[];
}

/** What one gateway answered to one operation, and whether that is what the spec calls for. */
export interface Verdict {
  passed: boolean;
  /** Why not, in a line; undefined when it passed. */
  reason?: string;
  answer?: Answer;
}

export interface ScenarioReport {
  scenario: string;
  group: string;
  operations: {
    name: string;
    verdicts: Partial<Record<GatewayName, Verdict>>;
  }[];
  compositionErrors?: string[];
}

/** Judges an answer against an operation's expectation. */
export function judge(operation: ConformanceOperation, answer: Answer): Verdict {
  const errors = answer.errors ?? [];
  if (!isDeepStrictEqual(answer.data ?? null, operation.data))
    return { passed: false, reason: 'data differs', answer };
  const wantsErrors = operation.errors ?? Boolean(operation.errorPaths);
  if (wantsErrors !== errors.length > 0)
    return { passed: false, reason: wantsErrors ? 'no errors' : 'unexpected errors', answer };
  if (operation.errorPaths) {
    const paths = errors.map((error) => JSON.stringify(error.path ?? null)).sort();
    const expected = operation.errorPaths.map((path) => JSON.stringify(path)).sort();
    if (!isDeepStrictEqual(paths, expected))
      return { passed: false, reason: 'errors at other paths', answer };
  }
  return { passed: true };
}

async function ask(url: string, operation: ConformanceOperation): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: operation.query, variables: operation.variables ?? {} }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return { errors: [{ path: [`HTTP ${response.status}: ${text.slice(0, 200)}`] }] };
  }
}

/** Serves a scenario through each gateway and judges every operation's answer. */
export async function runScenario(
  scenario: Scenario,
  gateways: readonly GatewayName[] = GATEWAYS,
): Promise<ScenarioReport> {
  const served = await serveScenario(scenario, gateways);
  try {
    const operations: ScenarioReport['operations'] = [];
    for (const operation of scenario.operations) {
      const verdicts: Partial<Record<GatewayName, Verdict>> = {};
      for (const gateway of gateways) {
        const url = served.gateways[gateway];
        verdicts[gateway] = url
          ? judge(operation, await ask(url, operation))
          : { passed: false, reason: 'the supergraph did not compose' };
      }
      operations.push({ name: operation.name, verdicts });
    }
    return {
      scenario: scenario.name,
      group: scenario.group,
      operations,
      ...(served.compositionErrors ? { compositionErrors: served.compositionErrors } : {}),
    };
  } finally {
    await served.close();
  }
}
