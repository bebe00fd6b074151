import { loadConfig, type LocalNeo4jConfig } from '../config';
import { localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../local-neo4j';
import { reportFailure } from '../report-failure';

/** `node dist/cli/db.js start|stop|status`: manages the local embedded Neo4j. */

const USAGE = 'Usage: db start|stop|status';
const EXIT_NOT_RUNNING = 3;

const say = (msg: string): void => {
  process.stdout.write(`${msg}\n`);
};

async function start(cfg: LocalNeo4jConfig): Promise<number> {
  const { uri, startedByUs } = await startLocalNeo4j(cfg, say);
  say(
    startedByUs
      ? `Neo4j is ready at ${uri} (data in ${cfg.dir}); it keeps running in the background until \`db stop\`.`
      : `Neo4j is ready at ${uri} (already running; not started by this command).`,
  );
  return 0;
}

async function stop(cfg: LocalNeo4jConfig): Promise<number> {
  await stopLocalNeo4j(cfg, say);
  return 0;
}

async function status(cfg: LocalNeo4jConfig): Promise<number> {
  const s = await localNeo4jStatus(cfg);
  if (s.running) {
    say(
      s.ours
        ? `Running at ${s.uri} (local Neo4j, pid ${s.pid}, data in ${cfg.dir}).`
        : `Running at ${s.uri} (a Neo4j not started from ${cfg.dir}).`,
    );
    return 0;
  }
  say(
    s.ours
      ? `Not answering at ${s.uri}, though the local Neo4j (pid ${s.pid}) runs: still starting, or on another port.`
      : `Not running (${s.uri}).`,
  );
  return EXIT_NOT_RUNNING;
}

const commands = new Map<string, (cfg: LocalNeo4jConfig) => Promise<number>>([
  ['start', start],
  ['stop', stop],
  ['status', status],
]);

async function main(argv: string[]): Promise<number> {
  const command = argv.length === 1 ? commands.get(argv[0]) : undefined;
  if (command === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return command(loadConfig().local);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = reportFailure(err);
  },
);
