package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.BarrierOps;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.TimeoutException;

/**
 * {@code steward.barrier}: a cyclic barrier whose parties wait on the node. A timeout, a cancel (an
 * interrupted client thread), a dead waiter or a reset with waiters breaks the round.
 */
final class BarrierObject extends BuiltinObject {
    private final int parties;
    private final List<Waiter> waiting = new ArrayList<>();
    private boolean broken;

    BarrierObject(int parties) {
        if (parties <= 0) {
            throw new IllegalArgumentException("a barrier needs at least one party, not " + parties);
        }
        this.parties = parties;
    }

    @Override
    public String typeName() {
        return BarrierOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case BarrierOps.AWAIT: {
                c.expect(1, "await");
                long timeout = c.longArg(0);
                if (broken) {
                    throw new CheckedFailure(broken());
                }
                int index = parties - 1 - waiting.size();
                if (index == 0) {
                    for (Waiter w : waiting) {
                        unpark(w, w.index);
                    }
                    waiting.clear();
                    return 0;
                }
                if (timeout == 0) {
                    breakBarrier();
                    throw new CheckedFailure(new TimeoutException("the barrier timed out"));
                }
                Waiter w = park(c, timeout, 0);
                w.index = index;
                waiting.add(w);
                return PENDING;
            }
            case BarrierOps.RESET:
                c.expect(0, "reset");
                breakBarrier();
                broken = false;
                return null;
            case BarrierOps.IS_BROKEN:
                c.expect(0, "isBroken");
                return broken;
            case BarrierOps.PARTIES:
                c.expect(0, "getParties");
                return parties;
            case BarrierOps.WAITING:
                c.expect(0, "getNumberWaiting");
                return waiting.size();
            default:
                throw new UnknownMethodException("steward.barrier has no method " + c.method());
        }
    }

    private static BrokenBarrierException broken() {
        return new BrokenBarrierException("the barrier is broken");
    }

    /** Fails every waiter of the round and marks the barrier broken. */
    private void breakBarrier() {
        broken = true;
        for (Waiter w : waiting) {
            unparkError(w, broken());
        }
        waiting.clear();
    }

    @Override
    protected void onTimeout(Waiter w) {
        if (waiting.remove(w)) {
            unparkError(w, new TimeoutException("the barrier timed out"));
            breakBarrier();
        }
    }

    @Override
    protected boolean removeWaiter(Waiter w) {
        return waiting.remove(w);
    }

    @Override
    protected void onCancelled(Waiter w) {
        breakBarrier();
    }

    @Override
    protected void onSessionClosed(Session session) {
        if (withdraw(waiting, session)) {
            breakBarrier();
        }
    }

    @Override
    protected List<Object> takeContents() {
        return List.of();
    }
}
