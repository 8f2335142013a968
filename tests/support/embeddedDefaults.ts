import { loadConfig } from '../../src/config';

/** The embedded settings (jar home, heap, Java) from the environment, for test-owned servers. */
export function embeddedDefaults() {
  const database = loadConfig({ ...process.env, NEO4J_URI: '' }).database;
  if (database.mode !== 'embedded') throw new Error('unreachable: NEO4J_URI was cleared');
  // Ten minutes to start: on a shared 2-core machine under load a JVM start took over the default two.
  return { home: database.home, heap: database.heap, pageCache: '256m', javaHome: database.javaHome, startTimeoutMs: 600_000 };
}
