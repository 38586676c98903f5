package dev.steward.benchmarks.raw;

import java.time.Duration;
import java.util.List;

/**
 * The server side of a raw floor of the queue and lock workloads ({@link RawTcpWorkloads},
 * {@link RawAeronWorkloads}): it runs in the harness JVM; its clients run in JVMs of their own,
 * started with the main class's {@code main(role, count, clientArgs...)}, where the role is {@code
 * echo}, {@code queue} or {@code lock}.
 */
public interface RawWorkloadServer extends AutoCloseable {
    /**
     * Returns what a client needs after its role and count to reach this server.
     *
     * @return the client's remaining arguments
     */
    List<String> clientArgs();

    /**
     * Waits for the lock workers to finish.
     *
     * @param timeout how long to wait
     * @return increments per second from the moment every worker was ready to the last one's
     *     {@code DONE}, and 1 if the count equals the increments made (no update lost), else 0
     * @throws Exception if the run does not finish in time
     */
    double[] lockedResult(Duration timeout) throws Exception;
}
