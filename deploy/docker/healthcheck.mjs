// HEALTHCHECK: the process answers GET /health. The migrate job serves nothing: healthy.
import { execFileSync } from 'node:child_process';

const processScript = new URL('./process.sh', import.meta.url).pathname;
const port = execFileSync(processScript, ['port'], { encoding: 'utf8' }).trim();
if (!port) process.exit(0);
try {
  const response = await fetch(`http://127.0.0.1:${port}/health`, {
    signal: AbortSignal.timeout(2_000),
  });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
