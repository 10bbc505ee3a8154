import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds (user + system) and peak RSS of a process and all its descendants. */
export function usage(pid: number): { cpuSeconds: number; peakRssMb: number } {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child);
  let ticks = 0;
  let peakKb = 0;
  for (const member of tree) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${member}/status`, 'utf8'));
      peakKb += Number(hwm?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { cpuSeconds: ticks / 100, peakRssMb: peakKb / 1024 };
}
