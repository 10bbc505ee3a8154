// The end-to-end harness: `import { useStack } from '@cinegraph/stack/testing'`.
// A subpath of its own, so that `npm start` never loads vitest.
export { useStack } from './useStack.ts';
export type { TestStack } from './useStack.ts';
