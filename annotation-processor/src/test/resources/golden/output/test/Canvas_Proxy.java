package test;

import dev.steward.Manager;
import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.client.ProxySupport;
import dev.steward.runtime.managed.ManagedCalls;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The proxy of a {@link Canvas} that lives on a Steward node: each method runs the method of the same name
 * on the node and waits for its result. Made by {@code create(manager, ...)} or received (as a result,
 * from {@code Manager.lookup}, or as an argument of a spawned JVM); thread-safe.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Canvas_Proxy implements SharedObject, ProxySupport {
    /**
     * The node's name for the type.
     */
    public static final String TYPE_NAME = "test.Canvas";

    /**
     * constructor()
     */
    private static final int CREATE_0 = 0x7ecef000;

    /**
     * counts(java.util.Map)
     */
    private static final int COUNTS_0 = 0x7ecef000;

    /**
     * describe(test.Color)
     */
    private static final int DESCRIBE_1 = 0x7ecef001;

    /**
     * describe(test.Point)
     */
    private static final int DESCRIBE_2 = 0x7ecef002;

    /**
     * draw(test.Color,test.Point[])
     */
    private static final int DRAW_3 = 0x7ecef003;

    /**
     * initial(char,boolean,double,float,short,byte)
     */
    private static final int INITIAL_4 = 0x7ecef004;

    /**
     * points()
     */
    private static final int POINTS_5 = 0x7ecef005;

    /**
     * toString()
     */
    private static final int TO_STRING_6 = 0x7ecef006;

    private final ProxyHandle handle;

    private final Async async;

    private Canvas_Proxy(ProxyHandle handle) {
        this.handle = handle;
        this.async = new Async(handle);
    }

    /**
     * Wraps a handle; called by the runtime through {@link Canvas_ManagedType}.
     *
     * @param handle the handle of an object of this type
     * @return the proxy
     */
    static Canvas_Proxy wrap(ProxyHandle handle) {
        return new Canvas_Proxy(handle);
    }

    /**
     * Creates a {@link Canvas} on the node, running its constructor {@code Canvas()} there.
     *
     * @param manager the manager of the node
     * @return the proxy of the new object
     */
    public static Canvas_Proxy create(Manager manager) {
        return ManagedCalls.create(manager, TYPE_NAME, CREATE_0, Canvas_Proxy.class, new Object[0]);
    }

    /**
     * Runs {@code counts(java.util.Map)} of the {@link Canvas} on the node and waits for it.
     *
     * @param start the argument of the same name
     * @return what the node's method returned
     */
    public TreeMap<Color, Integer> counts(Map<Color, Integer> start) {
        return ManagedCalls.<TreeMap<Color, Integer>>result(this.handle.call(COUNTS_0, "counts", new Object[] {start}), TreeMap.class);
    }

    /**
     * Runs {@code describe(test.Color)} of the {@link Canvas} on the node and waits for it.
     *
     * @param c the argument of the same name
     * @return what the node's method returned
     */
    public String describe(Color c) {
        return ManagedCalls.<String>result(this.handle.call(DESCRIBE_1, "describe", new Object[] {c}), String.class);
    }

    /**
     * Runs {@code describe(test.Point)} of the {@link Canvas} on the node and waits for it.
     *
     * @param p the argument of the same name
     * @return what the node's method returned
     */
    public String describe(Point p) {
        return ManagedCalls.<String>result(this.handle.call(DESCRIBE_2, "describe", new Object[] {p}), String.class);
    }

    /**
     * Runs {@code draw(test.Color,test.Point[])} of the {@link Canvas} on the node and waits for it.
     *
     * @param color the argument of the same name
     * @param drawn the argument of the same name
     */
    public void draw(Color color, Point... drawn) {
        this.handle.call(DRAW_3, "draw", new Object[] {color, drawn});
    }

    /**
     * Runs {@code initial(char,boolean,double,float,short,byte)} of the {@link Canvas} on the node and waits for it.
     *
     * @param c the argument of the same name
     * @param upper the argument of the same name
     * @param scale the argument of the same name
     * @param f the argument of the same name
     * @param s the argument of the same name
     * @param b the argument of the same name
     * @return what the node's method returned
     */
    public char initial(char c, boolean upper, double scale, float f, short s, byte b) {
        return ManagedCalls.charResult(this.handle.call(INITIAL_4, "initial", new Object[] {c, upper, scale, f, s, b}));
    }

    /**
     * Runs {@code points()} of the {@link Canvas} on the node and waits for it.
     * @return what the node's method returned
     */
    public List<Point> points() {
        return ManagedCalls.<List<Point>>result(this.handle.call(POINTS_5, "points", new Object[0]), List.class);
    }

    /**
     * Runs {@code toString()} of the {@link Canvas} on the node and waits for it.
     * @return what the node's method returned
     */
    @Override
    public String toString() {
        return ManagedCalls.<String>result(this.handle.call(TO_STRING_6, "toString", new Object[0]), String.class);
    }

    /**
     * Returns the asynchronous view of this proxy, whose methods return at once.
     *
     * @return the view
     */
    public Async async() {
        return async;
    }

    @Override
    public long objectId() {
        return handle.objectId();
    }

    @Override
    public String typeName() {
        return handle.typeName();
    }

    @Override
    public void close() {
        handle.close();
    }

    @Override
    public boolean isClosed() {
        return handle.isClosed();
    }

    @Override
    public ProxyHandle proxyHandle() {
        return handle;
    }

    /**
     * The asynchronous view of a {@link Canvas_Proxy}: each method sends its call and returns at once; the future
     * completes on a connection thread when the node answers (with the method's declared exception,
     * rebuilt, when it throws one). Calls from one thread reach the node in order.
     */
    public static final class Async {
        private final ProxyHandle handle;

        private Async(ProxyHandle handle) {
            this.handle = handle;
        }

        /**
         * Runs {@code counts(java.util.Map)} of the {@link Canvas} on the node, without waiting.
         *
         * @param start the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<TreeMap<Color, Integer>> counts(Map<Color, Integer> start) {
            return ManagedCalls.async(this.handle.callAsync(COUNTS_0, "counts", new Object[] {start}), value -> ManagedCalls.<TreeMap<Color, Integer>>result(value, TreeMap.class));
        }

        /**
         * Runs {@code describe(test.Color)} of the {@link Canvas} on the node, without waiting.
         *
         * @param c the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<String> describe(Color c) {
            return ManagedCalls.async(this.handle.callAsync(DESCRIBE_1, "describe", new Object[] {c}), value -> ManagedCalls.<String>result(value, String.class));
        }

        /**
         * Runs {@code describe(test.Point)} of the {@link Canvas} on the node, without waiting.
         *
         * @param p the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<String> describe(Point p) {
            return ManagedCalls.async(this.handle.callAsync(DESCRIBE_2, "describe", new Object[] {p}), value -> ManagedCalls.<String>result(value, String.class));
        }

        /**
         * Runs {@code draw(test.Color,test.Point[])} of the {@link Canvas} on the node, without waiting.
         *
         * @param color the argument of the same name
         * @param drawn the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Void> draw(Color color, Point... drawn) {
            return ManagedCalls.async(this.handle.callAsync(DRAW_3, "draw", new Object[] {color, drawn}), ManagedCalls::voidResult);
        }

        /**
         * Runs {@code initial(char,boolean,double,float,short,byte)} of the {@link Canvas} on the node, without waiting.
         *
         * @param c the argument of the same name
         * @param upper the argument of the same name
         * @param scale the argument of the same name
         * @param f the argument of the same name
         * @param s the argument of the same name
         * @param b the argument of the same name
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<Character> initial(char c, boolean upper, double scale, float f,
                short s, byte b) {
            return ManagedCalls.async(this.handle.callAsync(INITIAL_4, "initial", new Object[] {c, upper, scale, f, s, b}), ManagedCalls::charResult);
        }

        /**
         * Runs {@code points()} of the {@link Canvas} on the node, without waiting.
         * @return completes with what the node's method returned, or fails with what it threw
         */
        public CompletableFuture<List<Point>> points() {
            return ManagedCalls.async(this.handle.callAsync(POINTS_5, "points", new Object[0]), value -> ManagedCalls.<List<Point>>result(value, List.class));
        }
    }
}
