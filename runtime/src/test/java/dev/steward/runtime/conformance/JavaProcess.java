package dev.steward.runtime.conformance;

import dev.steward.runtime.process.JvmFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a test outside Steward's own spawning (a standalone node, a raw client), with
 * Steward's JVM flags and the test's class path. Its output is read line by line; {@link #close()}
 * kills it.
 */
public final class JavaProcess implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder transcript = new StringBuilder();

    private JavaProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "test-jvm-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a JVM.
     *
     * @param mainClass the class to run
     * @param jvmOptions extra JVM options
     * @param env extra environment variables
     * @param args program arguments
     * @return the running JVM
     * @throws IOException if it cannot start
     */
    public static JavaProcess start(
            Class<?> mainClass, List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(JvmFlags.javaExecutable());
        cmd.addAll(JvmFlags.required());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(cmd).redirectErrorStream(true);
        b.environment().putAll(env);
        return new JavaProcess(b.start());
    }

    private void pump() {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (transcript) {
                    transcript.append(line).append('\n');
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * Waits for a line that starts with a prefix.
     *
     * @param prefix the prefix
     * @param timeout how long at most
     * @return the line
     * @throws InterruptedException if interrupted
     */
    public String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (; ; ) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError(
                        "no line starting with '" + prefix + "' within " + timeout + "; output:\n" + transcript());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /**
     * Returns everything the JVM printed so far.
     *
     * @return the output
     */
    public String transcript() {
        synchronized (transcript) {
            return transcript.toString();
        }
    }

    /**
     * Returns the underlying process.
     *
     * @return the process
     */
    public Process process() {
        return process;
    }

    /** Kills the JVM (SIGKILL) and waits for it to end. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }
}
