package dev.steward.runtime.client;

import dev.steward.SharedJoinableQueue;
import dev.steward.runtime.protocol.Ops.QueueOps;
import java.time.Duration;

/** The proxy of {@code steward.joinable-queue}. */
final class JoinableQueueProxy<E> extends QueueProxy<E> implements SharedJoinableQueue<E> {
    JoinableQueueProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    public void taskDone() {
        call(QueueOps.TASK_DONE, "taskDone");
    }

    @Override
    public void join() throws InterruptedException {
        handle.callInterruptibly(QueueOps.JOIN, "join", ProxyHandle.RaceHandler.KEEP, FOREVER);
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        return (Boolean) handle.callInterruptibly(
                QueueOps.JOIN, "join", ProxyHandle.RaceHandler.KEEP, Math.max(0, timeout.toNanos()));
    }

    @Override
    public long unfinishedTasks() {
        return callLong(QueueOps.UNFINISHED, "unfinishedTasks");
    }
}
