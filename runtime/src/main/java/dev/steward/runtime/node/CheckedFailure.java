package dev.steward.runtime.node;

/**
 * Lets a built-in method report a checked exception (such as {@link
 * java.util.concurrent.BrokenBarrierException}) through a method that declares none; the node sends
 * the wrapped exception itself, and the client rethrows it as its own type.
 */
final class CheckedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckedFailure(Exception reported) {
        super(reported.getMessage(), reported, false, false);
    }

    /**
     * Unwraps a failure for reporting.
     *
     * @param t what a method threw
     * @return the exception to report
     */
    static Throwable reported(Throwable t) {
        return t instanceof CheckedFailure ? t.getCause() : t;
    }
}
