// The end-to-end harness: `import { useStack } from '@cinegraph/stack/testing'`.
// A subpath of its own, so that `npm start` never loads vitest.
export { testStackMode, useStack } from './useStack.ts';
export type { StackMode, TestStack } from './useStack.ts';
