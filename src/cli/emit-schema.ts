import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config';
import { buildGraphQLSchema } from '../schema';
import { printCommittedSchema } from '../schema/print';
import { reportFailure } from '../report-failure';

/** `npm run schema:emit`: writes schema/schema.graphql from the code. */
async function main(): Promise<void> {
  const file = path.join(loadConfig().rootDir, 'schema', 'schema.graphql');
  await writeFile(file, printCommittedSchema(await buildGraphQLSchema()));
  process.stdout.write(`Wrote ${file}\n`);
}

main().catch((error: unknown) => {
  process.exitCode = reportFailure(error);
});
