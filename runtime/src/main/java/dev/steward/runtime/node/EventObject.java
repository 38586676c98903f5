package dev.steward.runtime.node;

import dev.steward.UnknownMethodException;
import dev.steward.runtime.protocol.Ops.EventOps;
import java.util.ArrayDeque;
import java.util.List;

/** {@code steward.event}: a flag that processes wait for on the node. */
final class EventObject extends BuiltinObject {
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private boolean set;

    @Override
    public String typeName() {
        return EventOps.TYPE;
    }

    @Override
    protected Object apply(Call c) {
        switch (c.method()) {
            case EventOps.SET:
                c.expect(0, "set");
                set = true;
                while (!waiters.isEmpty()) {
                    unpark(waiters.poll(), Boolean.TRUE);
                }
                return null;
            case EventOps.CLEAR:
                c.expect(0, "clear");
                set = false;
                return null;
            case EventOps.IS_SET:
                c.expect(0, "isSet");
                return set;
            case EventOps.AWAIT: {
                c.expect(1, "await");
                long timeout = c.longArg(0);
                if (set) {
                    return Boolean.TRUE;
                }
                if (timeout == 0) {
                    return Boolean.FALSE;
                }
                waiters.add(park(c, timeout, 0));
                return PENDING;
            }
            default:
                throw new UnknownMethodException("steward.event has no method " + c.method());
        }
    }

    @Override
    protected void onTimeout(Waiter w) {
        if (waiters.remove(w)) {
            unpark(w, Boolean.FALSE);
        }
    }

    @Override
    protected boolean removeWaiter(Waiter w) {
        return waiters.remove(w);
    }

    @Override
    protected void onSessionClosed(Session session) {
        withdraw(waiters, session);
    }

    @Override
    protected List<Object> takeContents() {
        return List.of();
    }
}
