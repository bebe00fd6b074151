import { spawnSync } from 'node:child_process';
import { LocalNeo4jError } from './errors';

const MIN_JAVA = 17;
const ALTERNATIVES = 'Or run Neo4j another way: `docker compose up`, or set NEO4J_URI to any Neo4j 5 server.';

/** Throws unless a Java 17+ `java` is on PATH. */
export function requireJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new LocalNeo4jError(
      `The local Neo4j needs Java ${MIN_JAVA} or newer, but \`java\` was not found on PATH ` +
        `(${result.error.message}). Install a JDK ${MIN_JAVA}+ (e.g. apt-get install openjdk-17-jdk-headless). ` +
        ALTERNATIVES,
    );
  }
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major !== undefined && major < MIN_JAVA) {
    throw new LocalNeo4jError(
      `The local Neo4j needs Java ${MIN_JAVA} or newer, but \`java\` on PATH is Java ${major}. ` +
        `Put a JDK ${MIN_JAVA}+ first on PATH. ${ALTERNATIVES}`,
    );
  }
}

/** Throws unless `mvn` is on PATH; only needed while the launcher is (re)built. */
export function requireMaven(): void {
  const result = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new LocalNeo4jError(
      'The local Neo4j is built once with Maven, but `mvn` was not found on PATH or does not run ' +
        `(${result.error?.message ?? `exit ${result.status}`}). Install Maven 3.8+ ` +
        `(e.g. apt-get install maven). ${ALTERNATIVES}`,
    );
  }
}

/** "17.0.15" -> 17, "1.8.0_392" -> 8. */
function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}
