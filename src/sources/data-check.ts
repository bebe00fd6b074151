import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSources, type SourceReport } from './read-sources';
import { runScript, say } from './script';
import { formatProblem } from './table';

/**
 * Reads the publishers' full files, builds the SourceGraph and checks the counts the publishers
 * state. Usage: data-check [folder of the shared data, default ../shared/data]
 * [--merge-report <file.json>] (the merges, near-misses and kind decisions, for review).
 */
const EXPECTED: Record<string, Record<string, number>> = {
  onet: { occupations: 1016, technologyRows: 32681, technologies: 8775 },
  esco: { occupations: 3007, skills: 13896, relationRows: 123855, essentialRows: 64946, optionalRows: 58909 },
  crosswalk: { escoOccupations: 1680, codesAbsentFromOnet: 143, codesAbsentAfterMapping: 0, escoUrisAbsentFromEsco: 1 },
  bls: { detailed: 831, topCodedP90: 41, topCodedMedian: 15, hourlyOnly: 5 },
};

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const reportAt = args.indexOf('--merge-report');
  const reportFile = reportAt === -1 ? undefined : args.splice(reportAt, 2)[1];
  const root = path.resolve(args[0] ?? path.join('..', 'shared', 'data'));
  if (!existsSync(root)) {
    say(`data:check skipped: ${root} does not exist`);
    return 0;
  }
  const at = (...parts: string[]) => path.join(root, ...parts);
  const started = Date.now();
  const { graph, reports, merges } = await readSources({
    article: [path.resolve(__dirname, '..', '..', 'seed')],
    onet: [at('onet-29.3')],
    esco: [at('esco-1.1.1')],
    crosswalk: [
      at('esco-onet-crosswalk', 'esco_onet_crosswalk_Nov2020.csv'),
      at('esco-onet-crosswalk', 'onet-soc-2010-to-2019.csv'),
    ],
    bls: [at('bls-oews-2023')],
  });
  const ms = Date.now() - started;
  let failures = 0;
  for (const report of reports) {
    printReport(report);
    for (const [key, expected] of Object.entries(EXPECTED[report.publisher] ?? {})) {
      const actual = report.counts[key];
      if (actual !== expected) {
        failures += 1;
        say(`MISMATCH ${report.publisher}.${key}: expected ${expected}, got ${actual}`);
      }
    }
  }
  if (reportFile) await writeFile(reportFile, `${JSON.stringify(merges, null, 2)}\n`);
  const memory = process.memoryUsage();
  say(
    `graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges; ${merges.merges.length} merges, ${merges.nearMisses.length} near-misses`,
  );
  say(`time ${(ms / 1000).toFixed(1)} s; memory rss ${mb(memory.rss)} MB, heap used ${mb(memory.heapUsed)} MB`);
  say(failures === 0 ? 'data:check passed' : `data:check FAILED: ${failures} count(s) differ`);
  return failures === 0 ? 0 : 1;
}

function printReport(report: SourceReport): void {
  say(`${report.source} ${report.version} (${(report.ms / 1000).toFixed(1)} s): ${JSON.stringify(report.counts)}`);
  for (const file of report.files) {
    say(`  ${path.basename(file.file)}: ${file.rowsRead} read, ${file.rowsUsed} used, ${file.skipped.length} skipped`);
    for (const [reason, n] of Object.entries(file.ignored)) say(`    ${n} not used: ${reason}`);
    for (const problem of file.skipped.slice(0, 5)) say(`    ${formatProblem(problem)}`);
  }
}

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

runScript(main);
