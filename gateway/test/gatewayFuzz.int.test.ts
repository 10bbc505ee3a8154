import { describe, expect, it } from 'vitest';
import { describeMismatch, runDifferentialFuzz } from './fuzz/differentialFuzz.ts';

// The differential fuzzer's corpus (gateway/test/fuzz/): 320 operations generated from a
// fixed seed on a five-subgraph supergraph, each answered alone by plain @apollo/gateway
// (the reference) and by CineGraph's gateway, then by CineGraph's gateway in concurrent
// mixes with deduplication on. Every answer must be byte-equal to its reference.
// Another seed: GATEWAY_FUZZ_SEED=<n>; a longer soak: npm run bench:fuzz.
const seed = Number(process.env['GATEWAY_FUZZ_SEED'] ?? 21);

describe('the differential fuzzer', () => {
  it('answers every generated operation as @apollo/gateway does, alone and in concurrent mixes', async () => {
    const report = await runDifferentialFuzz({
      seed,
      operations: 320,
      repeats: 2,
      concurrency: [10, 60],
    });
    console.warn(
      `gateway fuzz, seed ${seed}: ${report.operations} operations, ${report.requests} requests, ` +
        `${report.mismatches.length} wrong, ${report.fallbacks.length} left to @apollo/gateway's executor, ` +
        `${report.deduplicated} subgraph fetches shared, ${report.answersWithErrors} reference answers with errors, ` +
        `${report.corrected.length} operations where the reference's @interfaceObject correction applied, ` +
        `${report.seconds.toFixed(1)} s`,
    );
    const reproduce = `reproduce: GATEWAY_FUZZ_SEED=${seed} npx vitest run gateway/test/gatewayFuzz.int.test.ts`;
    expect(
      report.mismatches
        .slice(0, 3)
        .map((mismatch) => describeMismatch(seed, mismatch))
        .join('\n\n'),
      `${report.mismatches.length} answers differ (${reproduce})`,
    ).toBe('');
    // Everything in this supergraph runs on CineGraph's executor: none falls back.
    expect(report.fallbacks, `fell back to @apollo/gateway's executor (${reproduce})`).toEqual([]);
    expect(report.operations).toBeGreaterThanOrEqual(300);
    // The mixes overlapped: many subgraph fetches were shared between requests.
    expect(report.deduplicated).toBeGreaterThan(report.operations);
    // The corpus exercises the bad paths, not only the happy one.
    expect(report.answersWithErrors).toBeGreaterThan(report.operations / 4);
  }, 180_000);
});
