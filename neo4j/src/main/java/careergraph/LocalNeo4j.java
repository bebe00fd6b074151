package careergraph;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * The local development Neo4j: an embedded Community database with a Bolt connector and nothing
 * else. Started (and stopped with SIGTERM) by src/local-neo4j; heap size is the JVM's -Xmx.
 *
 * <p>Usage: {@code java -Xmx512m -cp ... careergraph.LocalNeo4j --dir=PATH [--host=127.0.0.1]
 * [--port=7687] [--page-cache=256m]}
 */
public final class LocalNeo4j {
    /** The line the controller and people look for; keep its start stable. */
    static final String READY = "careergraph-neo4j ready";

    private static final Set<String> KEYS = Set.of("dir", "host", "port", "page-cache");
    private static final long DEFAULT_DATABASE_WAIT_MS = TimeUnit.MINUTES.toMillis(2);

    private record Options(Path home, String host, int port, long pageCache) {}

    private LocalNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("careergraph-neo4j: " + e.getMessage()
                    + "; usage: --dir=PATH [--host=H] [--port=N] [--page-cache=SIZE]");
            System.exit(2);
            return;
        }
        try {
            DatabaseManagementService service = build(options);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                System.out.println("careergraph-neo4j shutting down");
                service.shutdown();
                System.out.println("careergraph-neo4j stopped");
            }, "careergraph-neo4j-shutdown"));
            System.out.printf("%s: Neo4j %s on bolt://%s:%d (data in %s, pid %d)%n", READY,
                    defaultDatabaseVersion(service), options.host(), options.port(), options.home(),
                    ProcessHandle.current().pid());
        } catch (Throwable e) {
            // Exiting explicitly: threads started before the failure would keep a broken JVM alive.
            e.printStackTrace();
            // Last, because the controller shows the tail of this output.
            System.err.println("careergraph-neo4j failed to start: " + rootCause(e));
            System.exit(1);
        }
        // Bolt's threads keep the JVM alive as well, but the process must not depend on that.
        Thread.currentThread().join();
    }

    private static DatabaseManagementService build(Options options) {
        long heap = Runtime.getRuntime().maxMemory();
        return new DatabaseManagementServiceBuilder(options.home())
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host(), options.port()))
                // A routing driver (neo4j://) connects to the addresses the server advertises; the
                // default, localhost:7687, would send it to whichever Neo4j owns that port.
                .setConfig(BoltConnector.advertised_address, new SocketAddress(options.host(), options.port()))
                .setConfig(GraphDatabaseSettings.routing_enabled, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCache())
                // A runaway query fails with a memory-limit error instead of taking the JVM down.
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, heap / 2)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, heap / 4)
                // A development database: no 256 MiB pre-allocated transaction log files.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.logs_directory, options.home().resolve("logs"))
                // Bolt's event loops otherwise idle 5 s each before exiting, making every stop ~10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .build();
    }

    /** Waits for the default database and proves it answers Cypher; returns e.g. "5.26.30 community". */
    private static String defaultDatabaseVersion(DatabaseManagementService service) {
        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(DEFAULT_DATABASE_WAIT_MS)) {
            throw new IllegalStateException("the default database did not become available in time");
        }
        return db.executeTransactionally(
                "CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS v",
                Map.of(),
                result -> (String) result.next().get("v"));
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Throws IllegalArgumentException (NumberFormatException included) on a bad argument. */
    private static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : "";
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
            values.put(key, arg.substring(eq + 1));
        }
        if (!values.containsKey("dir")) {
            throw new IllegalArgumentException("--dir=PATH is required");
        }
        return new Options(
                Path.of(values.get("dir")).toAbsolutePath(),
                values.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(values.getOrDefault("port", "7687")),
                ByteUnit.parse(values.getOrDefault("page-cache", "256m")));
    }
}
