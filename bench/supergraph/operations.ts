import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@cinegraph/stack';

/** One operation the load sends, as its full text (never a persisted-query id). */
export interface BenchOperation {
  name: string;
  type: 'query' | 'mutation';
  body: string;
  /** Which manifest it comes from, or `bench` for the one the manifests lack. */
  source: 'web' | 'partner' | 'bench';
}

interface Manifest {
  operations: { name: string; type: string; body: string }[];
}

/**
 * The web app has no screen that edits a review, but the API has `updateReview` and the
 * workload writes reviews both ways, so the bench carries that one operation itself, in
 * the web app's style (its ReviewFields fragment).
 */
const UPDATE_REVIEW = `mutation UpdateReview($id: ID!, $input: UpdateReviewInput!) {
  updateReview(id: $id, input: $input) {
    ...ReviewFields
    __typename
  }
}

fragment ReviewFields on Review {
  id
  rating
  title
  body
  containsSpoilers
  helpfulCount
  viewerMarkedHelpful
  createdAt
  author {
    id
    displayName
    __typename
  }
  __typename
}`;

function readManifest(file: string, source: BenchOperation['source']): BenchOperation[] {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Manifest;
  return (
    manifest.operations
      // A subscription needs a WebSocket or SSE stream: not part of a request/response load.
      .filter((operation) => operation.type === 'query' || operation.type === 'mutation')
      .map((operation) => ({
        name: operation.name,
        type: operation.type as BenchOperation['type'],
        body: operation.body,
        source,
      }))
  );
}

/** Every query and mutation of the web app's and the partner's manifests, by name. */
export function loadOperations(): Record<string, BenchOperation> {
  const all = [
    ...readManifest('web/persisted-query-manifest.json', 'web'),
    ...readManifest('clients/partner/persisted-query-manifest.json', 'partner'),
    { name: 'UpdateReview', type: 'mutation', body: UPDATE_REVIEW, source: 'bench' } as const,
  ];
  const byName: Record<string, BenchOperation> = {};
  for (const operation of all) {
    if (byName[operation.name]) throw new Error(`Two operations are named ${operation.name}`);
    byName[operation.name] = operation;
  }
  return byName;
}

/** The manifests' subscriptions, which the load leaves out (named in the report). */
export function leftOutOperations(): string[] {
  return ['web/persisted-query-manifest.json', 'clients/partner/persisted-query-manifest.json']
    .flatMap(
      (file) =>
        (JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Manifest).operations,
    )
    .filter((operation) => operation.type !== 'query' && operation.type !== 'mutation')
    .map((operation) => operation.name);
}
