package dev.steward.runtime.node;

import dev.steward.ProtocolException;
import dev.steward.UnknownMethodException;
import java.util.List;

/**
 * One call from a client, decoded: which session asked, its request id, the method index and the
 * arguments. The call holds a temporary reference to every hosted object among its arguments until
 * it is answered.
 */
public final class Call {
    private final Session session;
    private final long requestId;
    private final HostedObject target;
    private final int method;
    private final Object[] args;
    private List<HostedObject> holds;
    private boolean done;

    Call(Session session, long requestId, HostedObject target, int method, Object[] args, List<HostedObject> holds) {
        this.session = session;
        this.requestId = requestId;
        this.target = target;
        this.method = method;
        this.args = args;
        this.holds = holds;
    }

    /**
     * Returns the session that made the call.
     *
     * @return the session
     */
    public Session session() {
        return session;
    }

    /**
     * Returns the request id, unique within the session.
     *
     * @return the id
     */
    public long requestId() {
        return requestId;
    }

    /**
     * Returns the method index.
     *
     * @return the index
     */
    public int method() {
        return method;
    }

    /**
     * Returns the arguments.
     *
     * @return the decoded arguments; do not modify
     */
    public Object[] args() {
        return args;
    }

    /**
     * Checks the argument count.
     *
     * @param count how many the method takes
     * @param name the method's name, for the error
     * @throws UnknownMethodException if the count differs
     */
    public void expect(int count, String name) {
        if (args.length != count) {
            throw new UnknownMethodException(target.typeName() + "." + name + " takes " + count
                    + " argument(s), but the call has " + args.length);
        }
    }

    /**
     * Returns an argument.
     *
     * @param i the position
     * @return the argument
     */
    public Object arg(int i) {
        return args[i];
    }

    /**
     * Returns an {@code int} argument.
     *
     * @param i the position
     * @return the argument
     * @throws ProtocolException if it is not an {@code Integer}
     */
    public int intArg(int i) {
        if (args[i] instanceof Integer n) {
            return n;
        }
        throw badArgument(i, "an int");
    }

    /**
     * Returns a {@code long} argument.
     *
     * @param i the position
     * @return the argument
     * @throws ProtocolException if it is not an integral number
     */
    public long longArg(int i) {
        if (args[i] instanceof Long n) {
            return n;
        }
        if (args[i] instanceof Integer n) {
            return n;
        }
        throw badArgument(i, "a long");
    }

    /**
     * Returns a {@code String} argument.
     *
     * @param i the position
     * @return the argument
     * @throws ProtocolException if it is not a non-null string
     */
    public String stringArg(int i) {
        if (args[i] instanceof String s) {
            return s;
        }
        throw badArgument(i, "a string");
    }

    private ProtocolException badArgument(int i, String expected) {
        Object a = args[i];
        return new ProtocolException("argument " + i + " of method " + method + " on " + target + " must be " + expected
                + ", not " + (a == null ? "null" : a.getClass().getName()));
    }

    /**
     * Answers the call with a value.
     *
     * @param value the result
     */
    public void reply(Object value) {
        try {
            session.sendResult(requestId, value);
        } finally {
            done();
        }
    }

    /**
     * Answers the call with an error.
     *
     * @param error what went wrong
     */
    public void fail(Throwable error) {
        try {
            session.sendError(requestId, error);
        } finally {
            done();
        }
    }

    /** Releases the call's temporary references; the call must be answered already. */
    void done() {
        if (!done) {
            done = true;
            if (holds != null) {
                List<HostedObject> h = holds;
                holds = null;
                for (HostedObject o : h) {
                    o.release(1);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "call " + requestId + " of " + session + " to " + target + " method " + method;
    }
}
