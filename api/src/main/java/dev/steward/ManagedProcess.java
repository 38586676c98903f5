package dev.steward;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * A child JVM started by {@link Manager#spawn(Class, Object...)} (Python's {@code Process}). It
 * runs the given class with working proxies for the shared objects among its arguments; its exit
 * code is 0 when the class's method returned normally and 1 when it threw.
 */
public interface ManagedProcess {
    /**
     * Returns the operating-system process id.
     *
     * @return the pid
     */
    long pid();

    /**
     * Returns the name given to the process, by default the main class's simple name and a number.
     *
     * @return the name
     */
    String name();

    /**
     * Waits for the process to end.
     *
     * @return its exit code
     * @throws InterruptedException if the waiting thread is interrupted (the process keeps running)
     */
    int join() throws InterruptedException;

    /**
     * Waits for the process to end, at most for a timeout.
     *
     * @param timeout how long to wait
     * @return {@code true} if it ended
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean join(Duration timeout) throws InterruptedException;

    /**
     * Returns the exit code, if the process has ended.
     *
     * @return the exit code, or empty while it runs
     */
    OptionalInt exitCode();

    /**
     * Tells whether the process is still running.
     *
     * @return {@code true} while it runs
     */
    boolean isAlive();

    /**
     * Asks the process to stop (SIGTERM on Unix); it may run shutdown hooks.
     */
    void terminate();

    /** Kills the process at once (SIGKILL on Unix). Its connection to the node drops with it. */
    void kill();

    /**
     * Returns a future that completes with the exit code when the process ends.
     *
     * @return the future
     */
    CompletableFuture<Integer> onExit();
}
