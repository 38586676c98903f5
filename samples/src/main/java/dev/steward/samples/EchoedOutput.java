package dev.steward.samples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Copies a process's output to standard output line by line, each line prefixed (such as {@code
 * [server] }), and lets the caller wait for a line.
 */
final class EchoedOutput {
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread pump;

    private EchoedOutput(Process process, String prefix) {
        pump = new Thread(
                () -> {
                    try (BufferedReader r = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            System.out.println(prefix + line);
                            lines.add(line);
                        }
                    } catch (IOException e) {
                        // the process ended
                    }
                },
                "echo-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts echoing a process's output.
     *
     * @param process the process, with its output piped
     * @param prefix what to put before each line
     * @return the echo
     */
    static EchoedOutput of(Process process, String prefix) {
        return new EchoedOutput(process, prefix);
    }

    /**
     * Waits for a line that starts with a prefix, skipping others.
     *
     * @param prefix the prefix
     * @param timeout how long at most
     * @return the line
     * @throws InterruptedException if interrupted
     * @throws TimeoutException if no such line came in time
     */
    String await(String prefix, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (; ; ) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new TimeoutException("no line starting with '" + prefix + "' within " + timeout);
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /**
     * Waits until the process's output ends and every line is echoed.
     *
     * @param timeout how long at most
     * @throws InterruptedException if interrupted
     */
    void awaitEnd(Duration timeout) throws InterruptedException {
        pump.join(timeout.toMillis());
    }
}
