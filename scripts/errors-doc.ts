// `npm run docs:errors [-- --check]`: rewrites the code table of docs/errors.md from the
// error registry (packages/service-kit/src/errorCodes.ts) and formats the file.
// --check only says whether it is up to date (so does the unit test scripts/src/errorsDoc.test.ts).
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ERRORS_DOC, readErrorsDoc } from './src/errorsDoc.ts';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

const { current, generated } = await readErrorsDoc();
if (generated === current) console.log('docs:errors: docs/errors.md is up to date');
else if (args.check) {
  console.error(
    'docs:errors: docs/errors.md differs from the error registry: run `npm run docs:errors`',
  );
  process.exitCode = 1;
} else {
  await writeFile(ERRORS_DOC, generated);
  console.log('docs:errors: rewrote docs/errors.md');
}
