package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.ConditionOps;
import dev.steward.runtime.protocol.Ops.LockOps;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code steward.lock} and {@code steward.rlock}: owned by one (session, client thread) at a time.
 * The waiters of its conditions live here too, under the same monitor, so that await releases the
 * lock and a signal moves a waiter back to the lock's queue atomically.
 *
 * <p><b>Who gets it next.</b> A fair lock (the default) goes to the first waiter in line on every
 * release. One that is not fair (as with {@code new ReentrantLock()} and Python's {@code Lock}) may
 * go back to the thread that released it: once a releaser has asked again within {@link #GRACE_NS}
 * of its release (as a loop of lock, work, unlock does), later releases leave the lock free for that
 * long, for whoever asks first; if nobody asks, the first waiter gets it when the grace ends, and
 * releases hand over at once again until a releaser comes back in time. A hand-over to a waiter in
 * another process costs that process a wake-up, and a returning releaser would then wait for one
 * too: skipping them makes a contended lock several times faster. No waiter is passed over once it
 * has waited {@link #PASS_OVER_LIMIT_NS}: from then on every release hands over at once.
 */
final class LockObject extends BuiltinObject {
    /** How long a release leaves the lock free for a returning releaser. */
    static final long GRACE_NS = TimeUnit.MICROSECONDS.toNanos(200);
    /** How long a waiter may be passed over; after that, releases hand over at once. */
    static final long PASS_OVER_LIMIT_NS = TimeUnit.MILLISECONDS.toNanos(20);

    private final boolean reentrant;
    private final boolean fair;
    private final ArrayDeque<Waiter> lockers = new ArrayDeque<>();
    private final Map<ConditionObject, ArrayDeque<Waiter>> conditions = new IdentityHashMap<>();
    private Session owner;
    private long ownerThread;
    private long holds;
    /** Who released the lock last (session and client thread), and when ({@link System#nanoTime}). */
    private Session releasedBy;

    private long releasedThread; // with releasedBy
    private long releasedNanos; // with releasedBy
    /** Set when a releaser asked again within the grace; cleared when a grace ends unused. */
    private boolean releasersReturn;
    /** Ends the current grace; {@code null} when none is pending. */
    private ScheduledFuture<?> graceTimer;

    LockObject(boolean reentrant, boolean fair) {
        this.reentrant = reentrant;
        this.fair = fair;
    }

    @Override
    public String typeName() {
        return reentrant ? LockOps.REENTRANT_TYPE : LockOps.TYPE;
    }

    private boolean ownedBy(Session s, long thread) {
        return owner == s && ownerThread == thread;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case LockOps.LOCK: {
                c.expect(2, "lock");
                long thread = c.longArg(0);
                long timeout = c.longArg(1);
                long nowNanos = System.nanoTime();
                if (c.session() == releasedBy && thread == releasedThread && nowNanos - releasedNanos < GRACE_NS) {
                    releasersReturn = true;
                }
                if (owner == null) {
                    if (lockers.isEmpty() || mayPassOver(nowNanos)) {
                        grant(c.session(), thread, 1);
                        return Boolean.TRUE;
                    }
                    handOver(); // free for a grace, but the first in line has waited long enough
                }
                if (reentrant && ownedBy(c.session(), thread)) {
                    holds++;
                    return Boolean.TRUE;
                }
                if (timeout == 0) {
                    return Boolean.FALSE;
                }
                Waiter w = park(c, timeout, thread);
                w.holds = 1;
                lockers.add(w);
                return PENDING;
            }
            case LockOps.UNLOCK: {
                c.expect(1, "unlock");
                long thread = c.longArg(0);
                if (!ownedBy(c.session(), thread)) {
                    throw new IllegalMonitorStateException(
                            owner == null
                                    ? "the lock is not held"
                                    : "the lock is held by another thread or process, not by the caller");
                }
                if (--holds == 0) {
                    release(c.session(), thread);
                }
                return null;
            }
            case LockOps.HOLD_COUNT:
                c.expect(1, "getHoldCount");
                return ownedBy(c.session(), c.longArg(0)) ? (int) holds : 0;
            case LockOps.IS_LOCKED:
                c.expect(0, "isLocked");
                return owner != null;
            case LockOps.IS_FAIR:
                c.expect(0, "isFair");
                return fair;
            case LockOps.NEW_CONDITION: {
                c.expect(0, "newCondition");
                ConditionObject condition = new ConditionObject(this);
                node().host(condition);
                releaseLater(condition); // the creation reference: the caller's hold keeps it
                return condition;
            }
            default:
                throw new UnknownMethodException(typeName() + " has no method " + c.method());
        }
    }

    private void grant(Session s, long thread, long count) {
        owner = s;
        ownerThread = thread;
        holds = count;
        s.touch(this);
    }

    /** The owner let go of its last hold: a hand-over now, or a grace for a returning releaser. */
    private void release(Session s, long thread) {
        releasedBy = s;
        releasedThread = thread;
        releasedNanos = System.nanoTime();
        if (fair
                || !releasersReturn
                || lockers.isEmpty()
                || !mayPassOver(releasedNanos)
                || (graceTimer == null && !startGrace(GRACE_NS))) {
            handOver();
            return;
        }
        owner = null;
        ownerThread = 0;
        holds = 0;
    }

    /** Starts the timer that ends a grace; {@code false} if the node is closing. */
    private boolean startGrace(long nanos) {
        try {
            graceTimer = node().schedule(nanos, () -> change(this::graceEnded));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Tells whether a thread may take the free lock ahead of the waiters. */
    private boolean mayPassOver(long nowNanos) {
        Waiter first = lockers.peek();
        return !fair && (first == null || nowNanos - first.parkedNanos < PASS_OVER_LIMIT_NS);
    }

    /** The timer: the lock has been free for a grace; unless taken meanwhile, the first waiter gets it. */
    private void graceEnded() {
        graceTimer = null;
        if (owner != null || lockers.isEmpty()) {
            return; // taken back (the next release starts a grace of its own), or nobody waits
        }
        long nowNanos = System.nanoTime();
        long left = GRACE_NS - (nowNanos - releasedNanos);
        if (left > 0 && mayPassOver(nowNanos) && startGrace(left)) {
            return; // taken and released again since this timer started: the newest release has its grace
        }
        releasersReturn = false; // nobody came back for it: hand over at once until somebody does
        handOver();
    }

    /** The lock is free: the first waiter in line gets it. */
    private void handOver() {
        owner = null;
        ownerThread = 0;
        holds = 0;
        Waiter next = lockers.poll();
        if (next != null) {
            grant(next.session(), next.threadId, next.holds);
            // a condition waiter reacquiring the lock answers its await; a locker answers true
            unpark(next, next.item != null ? next.item : Boolean.TRUE);
        }
    }

    /** Runs a condition method under this lock's monitor. */
    void invokeCondition(ConditionObject condition, Call c) {
        change(() -> {
            try {
                Object result = applyCondition(condition, c);
                if (result != PENDING) {
                    answer(c, result);
                }
            } catch (RuntimeException e) {
                answerError(c, e);
            }
        });
    }

    private Object applyCondition(ConditionObject condition, Call c) {
        switch (c.method()) {
            case ConditionOps.AWAIT: {
                c.expect(2, "await");
                long thread = c.longArg(0);
                long timeout = c.longArg(1);
                requireOwner(c.session(), thread);
                Waiter w = park(c, timeout, thread);
                w.holds = holds;
                w.deadlineNanos = timeout < 0 ? Long.MAX_VALUE : System.nanoTime() + timeout;
                w.index = 1; // waiting for a signal, not yet for the lock
                conditions.computeIfAbsent(condition, k -> new ArrayDeque<>()).add(w);
                handOver();
                return PENDING;
            }
            case ConditionOps.SIGNAL:
            case ConditionOps.SIGNAL_ALL: {
                c.expect(1, "signal");
                requireOwner(c.session(), c.longArg(0));
                ArrayDeque<Waiter> q = conditions.get(condition);
                while (q != null && !q.isEmpty()) {
                    Waiter w = q.poll();
                    requeue(w, remaining(w));
                    if (c.method() == ConditionOps.SIGNAL) {
                        break;
                    }
                }
                return null;
            }
            default:
                throw new UnknownMethodException("steward.condition has no method " + c.method());
        }
    }

    private static long remaining(Waiter w) {
        return w.deadlineNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, w.deadlineNanos - System.nanoTime());
    }

    /** A signalled or timed-out condition waiter queues for the lock; its answer waits for the lock. */
    private void requeue(Waiter w, long result) {
        w.index = 0;
        w.item = result;
        if (w.timer != null) {
            w.timer.cancel(false);
            w.timer = null;
        }
        lockers.add(w);
        if (owner == null && lockers.peek() == w) {
            handOver();
        }
    }

    private void requireOwner(Session s, long thread) {
        if (!ownedBy(s, thread)) {
            throw new IllegalMonitorStateException("the caller must hold the condition's lock");
        }
    }

    @Override
    protected void onTimeout(Waiter w) {
        if (lockers.remove(w)) {
            unpark(w, Boolean.FALSE);
            return;
        }
        for (ArrayDeque<Waiter> q : conditions.values()) {
            if (q.remove(w)) {
                requeue(w, 0L); // timed out: it still takes the lock back before it returns
                return;
            }
        }
    }

    @Override
    protected boolean removeWaiter(Waiter w) {
        if (w.item != null) {
            // a condition waiter already signalled, queued to reacquire: the client's thread must
            // hold the lock when await returns or throws, so it keeps its place in line
            return false;
        }
        if (lockers.remove(w)) {
            return true;
        }
        for (ArrayDeque<Waiter> q : conditions.values()) {
            if (q.remove(w)) {
                // interrupted while waiting for a signal: it queues for the lock, and the client
                // turns the answer into InterruptedException
                requeue(w, Long.MIN_VALUE);
                return false;
            }
        }
        return false;
    }

    @Override
    protected void onSessionClosed(Session session) {
        withdraw(lockers, session);
        for (ArrayDeque<Waiter> q : conditions.values()) {
            withdraw(q, session);
        }
        if (owner == session) {
            handOver();
        }
        if (releasedBy == session) {
            releasedBy = null;
        }
    }

    void conditionFreed(ConditionObject condition) {
        change(() -> conditions.remove(condition));
    }

    @Override
    protected List<Object> takeContents() {
        return List.of();
    }
}
