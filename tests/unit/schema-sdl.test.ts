import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildGraphQLSchema } from '../../src/schema';
import { printCommittedSchema } from '../../src/schema/print';

describe('the committed SDL', () => {
  it('when the schema is built from the code, then it equals schema/schema.graphql (run npm run schema:emit)', async () => {
    const committed = readFileSync(path.join(__dirname, '../../schema/schema.graphql'), 'utf8');
    expect(printCommittedSchema(await buildGraphQLSchema())).toBe(committed);
  });
});
