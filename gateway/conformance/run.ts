// `npm run conformance`: serves every scenario of the federation conformance suite
// (gateway/conformance/scenarios) through CineGraph's gateway and through plain
// @apollo/gateway, prints a table (scenario, operations, passed by each), and writes it
// to docs/federation-conformance.md and gateway/conformance/results.json (what CI holds
// CineGraph to: gateway/test/conformance.int.test.ts).
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import type { ConformanceResults } from './results.ts';
import { RESULTS_FILE } from './results.ts';
import type { ScenarioReport } from './runConformance.ts';
import { runScenario } from './runConformance.ts';
import { scenarios } from './scenarios/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const passedBy = (report: ScenarioReport, gateway: 'cinegraph' | 'apollo') =>
  report.operations.filter((operation) => operation.verdicts[gateway]?.passed).map((o) => o.name);

const reports: ScenarioReport[] = [];
for (const scenario of scenarios) {
  const report = await runScenario(scenario);
  reports.push(report);
  console.log(
    `${scenario.name}: ${scenario.operations.length} operations, CineGraph ${passedBy(report, 'cinegraph').length}, Apollo ${passedBy(report, 'apollo').length}`,
  );
}

const rows = reports.map((report) => ({
  group: report.group,
  scenario: report.scenario,
  operations: report.operations.length,
  cinegraph: passedBy(report, 'cinegraph').length,
  apollo: passedBy(report, 'apollo').length,
}));
const total = (column: 'operations' | 'cinegraph' | 'apollo') =>
  rows.reduce((sum, row) => sum + row[column], 0);
console.table(rows);

const failures = (gateway: 'cinegraph' | 'apollo') =>
  reports.flatMap((report) =>
    report.operations
      .filter((operation) => !operation.verdicts[gateway]?.passed)
      .map(
        (operation) =>
          `- \`${report.scenario}\`, ${operation.name}: ${operation.verdicts[gateway]?.reason ?? 'not run'}`,
      ),
  );
const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
  cwd: repoRoot,
  encoding: 'utf8',
}).trim();
const date = new Date().toISOString().slice(0, 10);
const table = [
  '| group | scenario | operations | passed by CineGraph | passed by @apollo/gateway |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map(
    (row) =>
      `| ${row.group} | \`${row.scenario}\` | ${row.operations} | ${row.cinegraph} | ${row.apollo} |`,
  ),
  `| **all** | ${rows.length} scenarios | ${total('operations')} | ${total('cinegraph')} | ${total('apollo')} |`,
].join('\n');

const markdown = `# Federation conformance

Any supergraph that \`@apollo/composition\` accepts must be served right. The suite in
\`gateway/conformance/\` holds small federated scenarios: each has two to four subgraphs
built with \`@apollo/subgraph\` over fixed data (\`scenarios/*.ts\`), composed with
\`@apollo/composition\`, and operations whose expected answers were worked out by hand
from the subgraphs' data and the federation spec, never copied from a gateway's answer.
An answer passes when its \`data\` equals the expected one and it carries errors exactly
when the operation expects them (at the expected paths, where the spec fixes them).

\`npm run conformance\` serves every scenario through CineGraph's gateway (as deployed:
\`createGateway\`) and through plain \`@apollo/gateway\`, prints this table and writes this
page and \`gateway/conformance/results.json\`. CI runs every scenario through CineGraph
(\`gateway/test/conformance.int.test.ts\`) and fails when an operation that passed in
\`results.json\` no longer does, or when a scenario is missing from it.

## Results

Written by \`npm run conformance\` on ${date} (commit ${commit}).

${table}

## Failing operations

CineGraph:

${failures('cinegraph').join('\n') || '- none'}

Plain \`@apollo/gateway\`:

${failures('apollo').join('\n') || '- none'}
`;
const page = path.join(repoRoot, 'docs', 'federation-conformance.md');
// Written as the repository's formatter would, so the lint step holds it as it is.
const options = await prettier.resolveConfig(page);
await writeFile(page, await prettier.format(markdown, { ...options, filepath: page }));
const results: ConformanceResults = {
  date,
  commit,
  scenarios: Object.fromEntries(
    reports.map((report) => [
      report.scenario,
      {
        operations: report.operations.length,
        cinegraph: passedBy(report, 'cinegraph'),
        apollo: passedBy(report, 'apollo'),
      },
    ]),
  ),
};
await writeFile(
  RESULTS_FILE,
  await prettier.format(JSON.stringify(results), { ...options, filepath: RESULTS_FILE }),
);
console.log(
  `${total('operations')} operations in ${rows.length} scenarios: CineGraph passed ${total('cinegraph')}, @apollo/gateway ${total('apollo')}`,
);
