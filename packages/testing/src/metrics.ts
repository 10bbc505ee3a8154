/**
 * The sum of a Prometheus counter's samples on a process's /metrics, over the samples
 * whose labels include `labels` (0 when none).
 */
export async function counterValue(
  baseUrl: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^(\w+)(?:\{(.*)\})? ([\d.e+-]+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const sample = match[2] ?? '';
    if (Object.entries(labels).every(([key, value]) => sample.includes(`${key}="${value}"`)))
      total += Number(match[3]);
  }
  return total;
}
