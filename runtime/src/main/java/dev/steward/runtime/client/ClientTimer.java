package dev.steward.runtime.client;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** One daemon thread per JVM that drives the heartbeats of every client connection. */
final class ClientTimer {
    private static final ScheduledExecutorService TIMER = create();

    private ClientTimer() {}

    static ScheduledExecutorService get() {
        return TIMER;
    }

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "steward-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }
}
