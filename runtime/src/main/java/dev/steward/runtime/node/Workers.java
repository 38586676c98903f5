package dev.steward.runtime.node;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run user code on the nodes of this JVM: constructors and methods of managed
 * objects. The pool grows as needed and idle threads end after a while, so a user method that
 * blocks holds one thread and never delays other objects or a transport thread.
 */
final class Workers {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 20, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "steward-managed-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private Workers() {}

    static ExecutorService pool() {
        return POOL;
    }
}
