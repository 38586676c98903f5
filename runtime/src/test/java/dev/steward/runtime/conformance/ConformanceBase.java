package dev.steward.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.runtime.StewardRuntime;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * The base of every conformance test: starts nodes and clients on the fixture's transport, spawns
 * children with their output in {@code target/steward-test-logs}, and closes and kills everything
 * after each test, passed or failed.
 */
public abstract class ConformanceBase {
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final java.util.Map<ManagedProcess, Path> logs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Returns the transport under test.
     *
     * @return the fixture
     */
    protected abstract TransportFixture fixture();

    /**
     * Starts a node on the fixture's transport.
     *
     * @return a manager hosting it
     */
    protected Manager startNode() {
        return track(builder().address(fixture().nodeAddress()).start());
    }

    /**
     * Returns a builder configured for the fixture.
     *
     * @return the builder
     */
    protected Manager.Builder builder() {
        // the node's own manager calls through the transport too, so every call tests it
        return fixture().configure(Manager.builder()).option(StewardRuntime.EMBEDDED_CLIENT_OPTION, "transport");
    }

    /**
     * Connects another client to a node.
     *
     * @param node a manager of the node
     * @return the new client
     */
    protected Manager connect(Manager node) {
        return track(builder().address(node.address()).authKey(node.authKey()).connect());
    }

    /**
     * Gives another client a proxy for the same object: published, looked up, unpublished.
     *
     * @param other the client that needs the object
     * @param owner a client that has it
     * @param object the object
     * @param <T> the proxy type
     * @return the other client's proxy
     */
    @SuppressWarnings("unchecked")
    protected static <T extends dev.steward.SharedObject> T reach(Manager other, Manager owner, T object) {
        String name = "reach-" + object.objectId();
        owner.publish(name, object);
        T found = (T) other.lookup(name, dev.steward.SharedObject.class);
        owner.unpublish(name);
        return found;
    }

    /**
     * Closes a resource after the test.
     *
     * @param resource the resource
     * @param <T> its type
     * @return the resource
     */
    protected <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Skips the test on transports that cannot cross processes. */
    protected void requireProcesses() {
        Assumptions.assumeTrue(fixture().crossProcess(), fixture().name() + " cannot reach other JVMs");
    }

    /**
     * Spawns a child JVM whose output goes to a log file; it is killed after the test.
     *
     * @param manager the parent's manager
     * @param main the child's main class
     * @param args its arguments
     * @return the child
     */
    protected ManagedProcess spawn(Manager manager, Class<?> main, Object... args) {
        Path log = logFile(main.getSimpleName());
        ManagedProcess p = manager.process(main)
                .args(args)
                .jvmOptions(childJvmOptions())
                .output(Redirect.appendTo(log.toFile()))
                .error(Redirect.appendTo(log.toFile()))
                .start();
        resources.push(() -> {
            if (p.isAlive()) {
                p.kill();
                p.join(Duration.ofSeconds(10));
            }
        });
        logs.put(p, log);
        return p;
    }

    /**
     * JVM options for children: fast start-up matters more than peak speed in tests.
     *
     * @return the options
     */
    protected String[] childJvmOptions() {
        List<String> opts =
                new java.util.ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m"));
        opts.addAll(fixture().jvmOptions());
        return opts.toArray(new String[0]);
    }

    /**
     * Waits for a child to exit with code 0.
     *
     * @param p the child
     * @throws InterruptedException if interrupted
     */
    protected void assertExitsCleanly(ManagedProcess p) throws InterruptedException {
        boolean ended = p.join(Duration.ofSeconds(60));
        assertThat(ended)
                .as("%s ended within 60 s; its output:%n%s", p, logOf(p))
                .isTrue();
        assertThat(p.exitCode().getAsInt())
                .as("exit code of %s; its output:%n%s", p, logOf(p))
                .isZero();
    }

    /**
     * Reads a child's log.
     *
     * @param p the child
     * @return what it printed
     */
    protected String logOf(ManagedProcess p) {
        Path log = logs.get(p);
        try {
            return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private Path logFile(String name) {
        try {
            Path dir = Path.of("target", "steward-test-logs");
            Files.createDirectories(dir);
            return Files.createTempFile(dir, fixture().name() + "-" + name + "-", ".log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeResources() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        fixture().assertNoLeftovers();
    }
}
