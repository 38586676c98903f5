package dev.steward.samples;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.ProcessLauncher;
import dev.steward.runtime.process.JvmFlags;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Starts and joins the child JVMs of a sample.
 *
 * <p><b>In your own code</b> write {@code manager.spawn(Worker.class, args...)} and {@code
 * process.join()}: {@link #spawn} and {@link #joinAll} do just that. The samples go through this
 * class only so that their tests can send each child's output to a file, start children with JVM
 * flags that start faster, drop the seeds' pauses, and kill every child when a test fails.
 */
class Children implements AutoCloseable {
    private final List<ManagedProcess> spawned = new CopyOnWriteArrayList<>();
    private final List<Process> started = new CopyOnWriteArrayList<>();

    /**
     * Spawns a child JVM that runs {@code main}'s {@code public static void main(...)} with the
     * given arguments: {@code manager.spawn(main, args)}.
     *
     * @param manager the manager whose node the child connects to
     * @param main the class to run
     * @param args its arguments; shared objects arrive as working proxies
     * @return the running child
     */
    final ManagedProcess spawn(Manager manager, Class<?> main, Object... args) {
        ProcessLauncher launcher = manager.process(main).args(args);
        String pace = System.getProperty(Pace.PROPERTY);
        if (pace != null) {
            launcher.jvmOptions("-D" + Pace.PROPERTY + "=" + pace);
        }
        ManagedProcess process = start(launcher, main);
        spawned.add(process);
        return process;
    }

    /**
     * Starts a configured launcher; tests redirect the output here.
     *
     * @param launcher the launcher, with its arguments set
     * @param main the class it runs
     * @return the running child
     */
    protected ManagedProcess start(ProcessLauncher launcher, Class<?> main) {
        return launcher.start();
    }

    /**
     * Waits for each child in turn (Python's {@code p1.join(); p2.join()}) and checks that it
     * succeeded.
     *
     * @param processes the children
     * @throws InterruptedException if interrupted while waiting
     * @throws IllegalStateException if a child exited with a code other than 0
     */
    final void joinAll(ManagedProcess... processes) throws InterruptedException {
        for (ManagedProcess p : processes) {
            int code = p.join();
            if (code != 0) {
                throw new IllegalStateException(failure(p, code));
            }
        }
    }

    /**
     * Describes a child that failed.
     *
     * @param process the child
     * @param code its exit code
     * @return the message
     */
    protected String failure(ManagedProcess process, int code) {
        return "the child JVM " + process.name() + " exited with code " + code;
    }

    /**
     * Starts a plain JVM on this JVM's class path, outside any manager (a standalone node, a client
     * that connects by itself). Its standard output and error are merged and piped to the caller.
     *
     * @param main the class whose {@code main(String[])} runs
     * @param environment variables to add to its environment
     * @param args its arguments
     * @return the process
     * @throws IOException if it cannot start
     */
    final Process java(Class<?> main, Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JvmFlags.javaExecutable());
        command.addAll(JvmFlags.required());
        command.addAll(jvmOptions());
        String pace = System.getProperty(Pace.PROPERTY);
        if (pace != null) {
            command.add("-D" + Pace.PROPERTY + "=" + pace);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /**
     * Extra JVM options for {@link #java}; tests add flags that start faster.
     *
     * @return the options
     */
    protected List<String> jvmOptions() {
        return List.of();
    }

    /** Kills every child still running: nothing outlives the sample, even when it fails. */
    @Override
    public void close() {
        boolean interrupted = false;
        for (ManagedProcess p : spawned) {
            if (p.isAlive()) {
                p.kill();
                try {
                    p.join(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
