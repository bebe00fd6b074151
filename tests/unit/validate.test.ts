import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatProblem } from '../../src/seed/problems';
import { readDataFiles } from '../../src/seed/read-files';
import { validateDocuments } from '../../src/seed/validate';

const role = (id: string, name: string, extra: object = {}) => ({ id, name, sources: ['Verdict'], ...extra });
const tool = (id: string, name: string) => ({ id, name, sources: ['At a Glance'] });

async function problemsOf(...docs: unknown[]) {
  const documents = docs.map((data, i) => ({ file: `f${i}.json`, data }));
  const { problems } = await validateDocuments(documents);
  return problems.map(formatProblem);
}

describe('validateDocuments', () => {
  it('when the files are valid, then it groups the facts and reports nothing', async () => {
    const { batch, problems } = await validateDocuments([
      { file: 'a.json', data: { version: 1, roles: [role('a-role', 'A Role')], tools: [tool('git', 'Git')] } },
      {
        file: 'b.json',
        data: { version: 1, relationships: [{ type: 'USES_TOOL', from: 'a-role', to: 'git', sources: ['Verdict'] }] },
      },
    ]);
    expect(problems).toEqual([]);
    expect(batch.nodes.map((g) => [g.kind, g.facts.length])).toEqual([
      ['ROLE', 1],
      ['TOOL', 1],
    ]);
    expect(batch.relationships).toHaveLength(1);
  });

  it('when a file has many problems, then every one is listed as file: path: reason', async () => {
    const problems = await problemsOf({
      version: 1,
      roles: [
        role('Bad Id', 'Bad'),
        { id: 'no-name', sources: ['Verdict'] },
        role('cheap', 'Cheap', { salary: { min: 200, max: 100, currency: 'USD', period: 'YEAR', basis: 'BASE' } }),
        role('odd', 'Odd', { level: 'high' }),
        role('money', 'Money', { salary: { min: 1, max: 2, currency: 'DOLLARS', period: 'YEAR', basis: 'BASE' } }),
      ],
      relationships: [{ type: 'LIKES', from: 'cheap', to: 'odd', sources: ['Verdict'] }],
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^f0\.json: roles\[0\]\.id: must be a slug/),
        'f0.json: roles[1].name: is required',
        'f0.json: roles[2].salary.min: min must not be greater than max',
        'f0.json: roles[3].level: expected a number',
        'f0.json: roles[4].salary.currency: must be an ISO 4217 currency code such as USD',
        expect.stringMatching(/^f0\.json: relationships\[0\]\.type: must be one of USES_TOOL/),
        expect.stringMatching(/^f0\.json: extra: unknown key \(expected one of version, relationships, roles/),
      ]),
    );
  });

  it('when ids repeat across files, then the second is reported with where the first is', async () => {
    const problems = await problemsOf(
      { version: 1, tools: [tool('git', 'Git')] },
      { version: 1, tools: [tool('git', 'Git')] },
    );
    expect(problems).toEqual(['f1.json: tools[0].id: duplicate id "git" (already used at f0.json: tools[0].id)']);
  });

  it('when a relationship names a missing node or the wrong kind, then both are reported', async () => {
    const problems = await problemsOf({
      version: 1,
      roles: [role('a-role', 'A Role')],
      tools: [tool('git', 'Git')],
      relationships: [
        { type: 'USES_TOOL', from: 'a-role', to: 'docker', sources: ['Verdict'] },
        { type: 'REQUIRES_SKILL', from: 'a-role', to: 'git', sources: ['Verdict'] },
      ],
    });
    expect(problems).toEqual([
      'f0.json: relationships[1].to: "git" is a Tool, but REQUIRES_SKILL needs a Skill here',
      'f0.json: relationships[0].to: unknown reference: no Tool "docker" in the files',
    ]);
  });

  it('when a relationship repeats or a role leads to itself, then it is reported', async () => {
    const rel = { type: 'PROGRESSES_TO', from: 'a', to: 'b', sources: ['Verdict'] };
    const problems = await problemsOf({
      version: 1,
      roles: [role('a', 'A'), role('b', 'B')],
      relationships: [rel, rel, { ...rel, to: 'a' }],
    });
    expect(problems).toEqual([
      'f0.json: relationships[2].to: a role cannot lead to itself',
      'f0.json: relationships[1]: duplicate PROGRESSES_TO from "a" to "b" (already at f0.json: relationships[0])',
    ]);
  });

  it('when an emphasis is not allowed for the relationship type, then it names the allowed values', async () => {
    const problems = await problemsOf({
      version: 1,
      roles: [role('a', 'A')],
      tools: [tool('git', 'Git')],
      relationships: [{ type: 'USES_TOOL', from: 'a', to: 'git', properties: { emphasis: 'LOVED' }, sources: ['x'] }],
    });
    expect(problems).toEqual([
      'f0.json: relationships[0].properties.emphasis: must be one of PRIMARY, SHARED, ONBOARDING, ERGONOMICS, SUPPORTING for USES_TOOL',
    ]);
  });

  it('when an id is not the slug of the name or of an alias, then the entry is rejected naming file and record', async () => {
    const problems = await problemsOf({
      version: 1,
      roles: [role('backend-engineer', 'Backend Engineer'), role('be', 'Backend Developer')],
      tools: [
        { ...tool('k8s', 'Kubernetes'), aliases: ['K8s'] },
        { ...tool('kube', 'Kubernetes'), aliases: ['K8s'] },
      ],
      relationships: [{ type: 'USES_TOOL', from: 'be', to: 'kube', sources: ['x'] }],
    });
    // The rejected entries are reported once, not again at each reference to them.
    expect(problems).toEqual([
      'f0.json: roles[1].id: "be" is not the slug of the name ("backend-developer") or of an alias',
      'f0.json: tools[1].id: "kube" is not the slug of the name ("kubernetes") or of an alias',
    ]);
  });

  it('when a lookup knows ids in the graph, then references to them are accepted', async () => {
    const { problems } = await validateDocuments(
      [
        {
          file: 'x.json',
          data: { version: 1, relationships: [{ type: 'USES_TOOL', from: 'r', to: 'git', sources: ['s'] }] },
        },
      ],
      async (kind, ids) => new Set(ids.filter((id) => (kind === 'ROLE' ? id === 'r' : id === 'git'))),
    );
    expect(problems).toEqual([]);
  });
});

describe('readDataFiles', () => {
  it('when a file is not JSON, then the problem names the file, line and column', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cg-read-'));
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{\n  "version": 1,\n  "roles": [,]\n}\n');
    const { documents, problems } = await readDataFiles([file]);
    expect(documents).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0])).toMatch(
      new RegExp(`^${file}: \\(file\\): is not valid JSON: ValueExpected at line 3, column 13$`),
    );
  });

  it('when a path does not exist, then it is a problem, not a crash', async () => {
    const { problems } = await readDataFiles(['/nonexistent/data.json']);
    expect(problems.map(formatProblem)).toEqual(['/nonexistent/data.json: (file): cannot be read (ENOENT)']);
  });
});
