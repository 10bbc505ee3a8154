// `npm run build -w @cinegraph/web`: the persisted query manifest, then the production bundle
// in dist/. With --if-stale, nothing happens when dist/ was built from the same sources.
import { buildWeb } from '../server/build.ts';

// Vite's import.meta.env.PROD follows NODE_ENV, which a caller (a test runner: `test`) may
// have set: this is the production build, whoever asks for it.
process.env['NODE_ENV'] = 'production';

const built = await buildWeb({ force: !process.argv.includes('--if-stale') });
console.log(built ? 'Built web/dist.' : 'web/dist is up to date.');
