package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.ProcessLauncher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Children for tests: each child's output goes to its own file under {@code target/sample-logs},
 * children start with JVM flags that start faster, the seeds' pauses are dropped, and {@link
 * #close()} kills whatever still runs.
 */
final class TestChildren extends Children {
    /** Flags for JVMs that live a second or two: start-up matters more than peak speed. */
    static final List<String> FAST_JVM =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-D" + Pace.PROPERTY + "=0");

    private final Path dir;
    private final Map<ManagedProcess, Path> logs = new ConcurrentHashMap<>();
    private final List<ManagedProcess> order = new CopyOnWriteArrayList<>();
    private final Map<ManagedProcess, Class<?>> mains = new ConcurrentHashMap<>();

    TestChildren(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected ManagedProcess start(ProcessLauncher launcher, Class<?> main) {
        Path log;
        try {
            log = Files.createTempFile(dir, main.getSimpleName() + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess p = launcher.jvmOptions(FAST_JVM.toArray(new String[0]))
                .output(Redirect.appendTo(log.toFile()))
                .error(Redirect.appendTo(log.toFile()))
                .start();
        logs.put(p, log);
        mains.put(p, main);
        order.add(p);
        return p;
    }

    @Override
    protected List<String> jvmOptions() {
        return FAST_JVM;
    }

    @Override
    protected String failure(ManagedProcess process, int code) {
        return super.failure(process, code) + "; its output:\n" + output(process);
    }

    /**
     * Returns what a child printed.
     *
     * @param p the child
     * @return its standard output and error
     */
    String output(ManagedProcess p) {
        Path log = logs.get(p);
        try {
            return log == null ? "" : Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /**
     * Returns the children that ran a class, in the order they started.
     *
     * @param main the class
     * @return the children
     */
    List<ManagedProcess> of(Class<?> main) {
        return order.stream().filter(p -> mains.get(p) == main).collect(Collectors.toList());
    }

    /**
     * Returns the lines that the children of a class printed, child after child.
     *
     * @param main the class
     * @return the lines
     */
    List<String> lines(Class<?> main) {
        return of(main).stream().flatMap(p -> output(p).lines()).collect(Collectors.toList());
    }

    /**
     * Returns every child spawned.
     *
     * @return the children, in the order they started
     */
    List<ManagedProcess> all() {
        return List.copyOf(order);
    }
}
