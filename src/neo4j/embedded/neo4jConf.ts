/**
 * The JVM flags the official Neo4j 5.x launcher passes to the server (from the stock neo4j.conf's
 * server.jvm.additional lines), minus AlwaysPreTouch and the profiling flags, which only slow a
 * development start. They are needed because we launch CommunityEntryPoint ourselves.
 */
export const JVM_FLAGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.tls.ephemeralDHKeySize=2048',
  '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
];

export interface ConfInput {
  readonly instance: string;
  readonly plugins: string;
  readonly boltPort: number;
  readonly pageCache: string;
}

/**
 * Given an instance folder and ports, returns a neo4j.conf for a loopback-only development server:
 * Bolt only, no HTTP, no auth (the port is bound to 127.0.0.1), APOC and GDS allowed.
 */
export function renderNeo4jConf(input: ConfInput): string {
  return [
    '# Written by exemplar-graph on every start; edit src/neo4j/embedded/neo4jConf.ts instead.',
    `server.directories.data=${input.instance}/data`,
    `server.directories.logs=${input.instance}/logs`,
    `server.directories.run=${input.instance}/run`,
    `server.directories.import=${input.instance}/import`,
    `server.directories.plugins=${input.plugins}`,
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${input.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${input.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    'dbms.security.auth_enabled=false',
    `server.memory.pagecache.size=${input.pageCache}`,
    'dbms.memory.transaction.total.max=1g',
    'dbms.security.procedures.unrestricted=apoc.*,gds.*',
    'dbms.usage_report.enabled=false',
    'db.tx_log.rotation.retention_policy=1 days 256M',
    // Keep-alive NOOPs every second on connections with a request in flight, and the driver told
    // (hint connection.recv_timeout_seconds = keep_alive × probes = 2) to give up on a connection
    // silent for 2 s: a frozen server (kill -STOP, a stuck JVM) then fails in-flight queries as
    // unavailable in about 2 s, while a long query that is still running keeps its connection.
    'server.bolt.connection_keep_alive=1s',
    'server.bolt.connection_keep_alive_probes=2',
    'server.bolt.connection_keep_alive_streaming_scheduling_interval=250ms',
    'server.bolt.connection_keep_alive_for_requests=ALL',
    '',
  ].join('\n');
}

/** How often (ms) APOC looks for installed or changed triggers; the migrations wait for it (src/writes/installWriteTriggers.ts). */
export const APOC_TRIGGER_REFRESH_MS = 1_000;

/**
 * Returns the apoc.conf written beside neo4j.conf (APOC reads its settings from $NEO4J_CONF/apoc.conf;
 * neo4j.conf's strict validation refuses apoc.* keys): triggers on, so every committed write is
 * validated and recorded by the triggers the migrations install (docs/ARCHITECTURE.md, The write path).
 * `triggers: false` stands in for a server where they are off (a test of the API's refusal).
 */
export function renderApocConf(options: { triggers?: boolean } = {}): string {
  return [
    '# Written by exemplar-graph on every start; edit src/neo4j/embedded/neo4jConf.ts instead.',
    `apoc.trigger.enabled=${String(options.triggers ?? true)}`,
    `apoc.trigger.refresh=${APOC_TRIGGER_REFRESH_MS}`,
    '',
  ].join('\n');
}
