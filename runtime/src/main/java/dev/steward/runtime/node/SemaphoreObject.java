package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.SemaphoreOps;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code steward.semaphore} and {@code steward.bounded-semaphore}: permits granted first come,
 * first served. Permits acquired minus permits released are counted per session (never below
 * zero) and released when the session ends.
 */
final class SemaphoreObject extends BuiltinObject {
    private final boolean bounded;
    private final int initial;
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Map<Session, Long> heldBy = new HashMap<>();
    private long permits;

    SemaphoreObject(int permits, boolean bounded) {
        if (permits < 0) {
            throw new IllegalArgumentException("a semaphore's permits must not be negative, not " + permits);
        }
        this.permits = permits;
        this.initial = permits;
        this.bounded = bounded;
    }

    @Override
    public String typeName() {
        return bounded ? SemaphoreOps.BOUNDED_TYPE : SemaphoreOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case SemaphoreOps.ACQUIRE: {
                c.expect(2, "acquire");
                int n = c.intArg(0);
                long timeout = c.longArg(1);
                if (n < 0) {
                    throw new IllegalArgumentException("cannot acquire " + n + " permits");
                }
                if (waiters.isEmpty() && permits >= n) {
                    take(c.session(), n);
                    return Boolean.TRUE;
                }
                if (timeout == 0) {
                    return Boolean.FALSE;
                }
                Waiter w = park(c, timeout, 0);
                w.permits = n;
                waiters.add(w);
                return PENDING;
            }
            case SemaphoreOps.RELEASE: {
                c.expect(1, "release");
                int n = c.intArg(0);
                if (n < 0) {
                    throw new IllegalArgumentException("cannot release " + n + " permits");
                }
                if (bounded && permits + n > initial) {
                    throw new IllegalStateException("a bounded semaphore of " + initial
                            + " permits cannot be released beyond them (released too many times)");
                }
                Long held = heldBy.get(c.session());
                if (held != null) {
                    long left = held - n;
                    if (left > 0) {
                        heldBy.put(c.session(), left);
                    } else {
                        heldBy.remove(c.session());
                    }
                }
                give(n);
                return null;
            }
            case SemaphoreOps.AVAILABLE:
                c.expect(0, "availablePermits");
                return (int) Math.min(Integer.MAX_VALUE, permits);
            case SemaphoreOps.DRAIN: {
                c.expect(0, "drainPermits");
                int n = (int) Math.min(Integer.MAX_VALUE, permits);
                take(c.session(), n);
                return n;
            }
            default:
                throw new UnknownMethodException(typeName() + " has no method " + c.method());
        }
    }

    private void take(Session s, long n) {
        permits -= n;
        if (n > 0) {
            heldBy.merge(s, n, Long::sum);
            s.touch(this);
        }
    }

    /** Adds permits, then grants waiters in order while the head's request fits. */
    private void give(long n) {
        permits += n;
        while (!waiters.isEmpty() && waiters.peek().permits <= permits) {
            Waiter w = waiters.poll();
            take(w.session(), w.permits);
            unpark(w, Boolean.TRUE);
        }
    }

    @Override
    protected void onTimeout(Waiter w) {
        if (waiters.remove(w)) {
            unpark(w, Boolean.FALSE);
            give(0); // the head may have been the one blocking smaller requests
        }
    }

    @Override
    protected boolean removeWaiter(Waiter w) {
        return waiters.remove(w);
    }

    @Override
    protected void onCancelled(Waiter w) {
        give(0);
    }

    @Override
    protected void onSessionClosed(Session session) {
        withdraw(waiters, session);
        Long held = heldBy.remove(session);
        give(held == null ? 0 : bounded ? Math.min(held, initial - permits) : held);
    }

    @Override
    protected List<Object> takeContents() {
        return List.of();
    }
}
