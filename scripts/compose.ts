// Composes supergraph.yaml (rover's format) into supergraph.graphql with @apollo/composition.
//   npm run compose           write supergraph.graphql
//   npm run compose -- --check  exit 1 when the committed file is stale
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { parse as parseYaml } from 'yaml';

interface SupergraphConfig {
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');
const configPath = path.join(root, 'supergraph.yaml');
const outputPath = path.join(root, 'supergraph.graphql');

const config = parseYaml(await readFile(configPath, 'utf8')) as SupergraphConfig;
const services = await Promise.all(
  Object.entries(config.subgraphs).map(async ([name, subgraph]) => ({
    name,
    url: subgraph.routing_url,
    typeDefs: parse(
      await readFile(path.resolve(path.dirname(configPath), subgraph.schema.file), 'utf8'),
    ),
  })),
);

const result = composeServices(services);
if (result.errors) {
  console.error(`Composition failed with ${result.errors.length} error(s):`);
  for (const error of result.errors)
    console.error(`- ${error.extensions['code'] ?? 'ERROR'}: ${error.message}`);
  process.exit(1);
}
for (const hint of result.hints ?? [])
  console.warn(`hint: ${hint.definition.code}: ${hint.message}`);

const supergraph = `${result.supergraphSdl.trim()}\n`;
if (check) {
  const committed = await readFile(outputPath, 'utf8').catch(() => '');
  if (committed !== supergraph) {
    console.error('supergraph.graphql is stale: run `npm run compose` and commit the result.');
    process.exit(1);
  }
  console.log('supergraph.graphql is up to date.');
} else {
  await writeFile(outputPath, supergraph);
  console.log(`Composed ${services.length} subgraphs into supergraph.graphql.`);
}
