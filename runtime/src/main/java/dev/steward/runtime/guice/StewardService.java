package dev.steward.runtime.guice;

import dev.steward.Manager;
import java.util.function.Supplier;

/**
 * Starts the {@link Manager} the first time it is needed and closes it on {@link #stop()}: Guice
 * modules open no sockets while the injector is built. Thread-safe.
 */
public final class StewardService implements AutoCloseable {
    private final Supplier<Manager> starter;
    private Manager manager;
    private boolean stopped;

    StewardService(Supplier<Manager> starter) {
        this.starter = starter;
    }

    /**
     * Starts the manager if it is not running, and returns it.
     *
     * @return the manager
     * @throws IllegalStateException if the service was stopped
     */
    public synchronized Manager start() {
        if (stopped) {
            throw new IllegalStateException("the Steward service was stopped");
        }
        if (manager == null) {
            manager = starter.get();
        }
        return manager;
    }

    /**
     * Tells whether the manager is running.
     *
     * @return {@code true} between the first {@link #start()} and {@link #stop()}
     */
    public synchronized boolean isRunning() {
        return manager != null && !stopped;
    }

    /** Closes the manager (stopping the node if it is embedded). Idempotent. */
    public synchronized void stop() {
        stopped = true;
        if (manager != null) {
            manager.close();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
