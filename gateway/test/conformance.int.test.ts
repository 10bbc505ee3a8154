// The federation conformance suite (gateway/conformance, docs/federation-conformance.md)
// through CineGraph's gateway: every operation that passed when `npm run conformance`
// last wrote results.json must still pass, and every scenario must be recorded there.
import { describe, expect, it } from 'vitest';
import { readConformanceResults } from '../conformance/results.ts';
import { runScenario } from '../conformance/runConformance.ts';
import { scenarios } from '../conformance/scenarios/index.ts';

const recorded = readConformanceResults();

describe('federation conformance', () => {
  it('records every scenario of the suite (run npm run conformance after adding one)', () => {
    expect(Object.keys(recorded.scenarios).sort()).toEqual(
      scenarios.map((scenario) => scenario.name).sort(),
    );
  });

  for (const scenario of scenarios)
    it(`${scenario.name}: passes at least what it passed before`, async () => {
      const report = await runScenario(scenario, ['cinegraph']);
      expect(report.compositionErrors).toBeUndefined();
      const failing = report.operations
        .filter((operation) => !operation.verdicts.cinegraph?.passed)
        .map((operation) => ({
          name: operation.name,
          reason: operation.verdicts.cinegraph?.reason,
          answer: operation.verdicts.cinegraph?.answer,
        }));
      const regressed = failing.filter((operation) =>
        recorded.scenarios[scenario.name]?.cinegraph.includes(operation.name),
      );
      expect(regressed).toEqual([]);
    });
});
