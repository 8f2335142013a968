import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Thrown when the machine lacks what the embedded database needs (Java 17, Maven). */
export class EmbeddedSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedSetupError';
  }
}

const JAVA_CANDIDATES = [
  '/usr/lib/jvm/java-17-openjdk-amd64',
  '/usr/lib/jvm/java-17-openjdk-arm64',
  '/usr/lib/jvm/java-17-openjdk',
  '/usr/lib/jvm/temurin-17-jdk-amd64',
  '/usr/lib/jvm/java-21-openjdk-amd64',
];

/** Java feature versions Neo4j 5.26 supports. */
const SUPPORTED_JAVA = new Set([17, 21]);

function javaFeatureVersion(javaBin: string): number | undefined {
  const result = spawnSync(javaBin, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match?.[1]) return undefined;
  return Number(match[1]);
}

/**
 * Given an optional explicit JDK home, returns the path of a Java 17 (or 21) binary, preferring
 * 17; throws EmbeddedSetupError naming what was tried when none is found. A newer default JDK on
 * PATH is ignored on purpose: Neo4j 5.26 does not run on it.
 */
export function findJava(explicitHome?: string): string {
  const homes = [explicitHome, process.env.JAVA_HOME, ...JAVA_CANDIDATES].filter(
    (h): h is string => typeof h === 'string' && h.length > 0,
  );
  const tried: string[] = [];
  for (const home of homes) {
    const bin = path.join(home, 'bin', 'java');
    if (!fs.existsSync(bin)) continue;
    const version = javaFeatureVersion(bin);
    tried.push(`${bin} (${version ?? 'unreadable'})`);
    if (version !== undefined && SUPPORTED_JAVA.has(version)) return bin;
  }
  const onPath = javaFeatureVersion('java');
  if (onPath !== undefined && SUPPORTED_JAVA.has(onPath)) return 'java';
  throw new EmbeddedSetupError(
    'Java 17 is required to run the embedded Neo4j 5.26 but was not found. ' +
      'Install it (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_17_HOME, ' +
      'or point NEO4J_URI at an existing Neo4j 5.26 server with APOC. ' +
      `Tried: ${tried.length > 0 ? tried.join(', ') : 'no JDK found'}; java on PATH: ${onPath ?? 'none'}.`,
  );
}

function pomDigest(pomPath: string): string {
  return createHash('sha256').update(fs.readFileSync(pomPath)).digest('hex');
}

/**
 * Given the embedded home (whose parent holds pom.xml), makes sure home/lib and home/plugins hold
 * exactly the jars the pom names, running Maven only when the pom changed since the last resolve.
 * Returns true when Maven ran.
 */
export function ensureJars(home: string, log: (line: string) => void = console.log): boolean {
  const pom = path.join(path.dirname(home), 'pom.xml');
  const marker = path.join(home, '.resolved');
  const digest = pomDigest(pom);
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === digest) return false;

  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new EmbeddedSetupError(
      'Maven is required to download the Neo4j jars from Maven Central but `mvn` was not found. ' +
        'Install it (Debian: apt-get install maven) or point NEO4J_URI at an existing Neo4j server.',
    );
  }
  log('Resolving Neo4j 5.26, APOC and GDS jars from Maven Central (first run only)…');
  fs.rmSync(path.join(home, 'lib'), { recursive: true, force: true });
  fs.rmSync(path.join(home, 'plugins'), { recursive: true, force: true });
  try {
    execFileSync('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', pom, 'package'], { stdio: 'inherit' });
  } catch (error) {
    throw new EmbeddedSetupError(
      `Maven could not resolve the Neo4j jars (${(error as Error).message}). ` +
        'Check access to Maven Central, then run `npm run db:install` again.',
    );
  }
  fs.writeFileSync(marker, digest);
  return true;
}
