// `npm run build -w @cinegraph/web`: the persisted query manifest, then the production bundle
// in dist/. With --if-stale, nothing happens when dist/ was built from the same sources.
import { buildWeb } from '../server/build.ts';

const built = await buildWeb({ force: !process.argv.includes('--if-stale') });
console.log(built ? 'Built web/dist.' : 'web/dist is up to date.');
