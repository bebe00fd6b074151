import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError } from './errors';
import { requireMaven } from './prerequisites';

export const LAUNCHER_CLASS = 'careergraph.LocalNeo4j';

// src/local-neo4j (tests) and dist/local-neo4j (built) both sit two levels below the repository root.
const mavenProjectDir = path.resolve(__dirname, '..', '..', 'neo4j');
const pomFile = path.join(mavenProjectDir, 'pom.xml');
const launcherSource = path.join(mavenProjectDir, 'src', 'main', 'java', 'careergraph', 'LocalNeo4j.java');

interface BuildPaths {
  buildDir: string;
  classesDir: string;
  /** Written by Maven; its mtime is the build's stamp. */
  classpathFile: string;
}

function buildPaths(dir: string): BuildPaths {
  const buildDir = path.join(dir, 'build');
  return {
    buildDir,
    classesDir: path.join(buildDir, 'classes'),
    classpathFile: path.join(buildDir, 'classpath.txt'),
  };
}

/**
 * The launcher's runtime classpath. Maven runs only when the build under `dir` is missing, older
 * than pom.xml or the launcher source, or names a jar that is gone from ~/.m2.
 */
export async function launcherClasspath(dir: string, log: (msg: string) => void): Promise<string> {
  const paths = buildPaths(dir);
  const cached = builtClasspath(paths);
  if (cached !== undefined) return cached;

  requireMaven();
  log('Building the local Neo4j launcher with Maven (the first time downloads Neo4j into ~/.m2)...');
  await runMaven(paths);
  // Maven leaves an unchanged classpath file untouched, so the stamp is set here.
  const now = new Date();
  fs.utimesSync(paths.classpathFile, now, now);
  const built = builtClasspath(paths);
  if (built === undefined) {
    throw new LocalNeo4jError(`Maven finished but left no usable launcher build in ${paths.buildDir}.`);
  }
  return built;
}

function builtClasspath(paths: BuildPaths): string | undefined {
  const stamp = mtimeMs(paths.classpathFile);
  const classFile = path.join(paths.classesDir, ...LAUNCHER_CLASS.split('.')) + '.class';
  if (stamp === undefined || mtimeMs(classFile) === undefined) return undefined;
  if ([pomFile, launcherSource].some((source) => (mtimeMs(source) ?? Infinity) > stamp)) return undefined;
  const jars = fs.readFileSync(paths.classpathFile, 'utf8').trim().split(path.delimiter);
  if (jars.length === 0 || !jars.every((jar) => fs.existsSync(jar))) return undefined;
  return [paths.classesDir, ...jars].join(path.delimiter);
}

function mtimeMs(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

function runMaven(paths: BuildPaths): Promise<void> {
  const args = ['-q', '-B', '-f', pomFile, `-Dcareergraph.buildDir=${paths.buildDir}`, 'compile'];
  return new Promise((resolve, reject) => {
    const maven = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: Buffer[] = [];
    maven.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    maven.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    maven.on('error', (err) => reject(new LocalNeo4jError(`Could not run Maven: ${err.message}`)));
    maven.on('close', (code) => {
      if (code === 0) return resolve();
      const tail = Buffer.concat(output).toString('utf8').trim().split('\n').slice(-30).join('\n');
      reject(
        new LocalNeo4jError(
          `Maven could not build the local Neo4j launcher (exit ${code}). The first build needs ` +
            `Maven Central to download Neo4j. Maven said:\n${tail}`,
        ),
      );
    });
  });
}
