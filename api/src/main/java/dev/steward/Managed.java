package dev.steward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class whose instances live on a manager node and are used from other JVMs through a
 * generated proxy (Python's {@code BaseManager.register(typeid, callable, exposed=[...])}).
 *
 * <p>Steward's annotation processor ({@code dev.steward:steward-annotation-processor}, configured
 * in {@code maven-compiler-plugin}'s {@code annotationProcessorPaths}) generates, next to the class
 * {@code Counter}:
 *
 * <ul>
 *   <li>{@code Counter_Proxy}, a final class with one method for every {@linkplain Exposed exposed}
 *       method and static {@code create(Manager, ...)} factories, one per public constructor, that
 *       run the constructor on the node;
 *   <li>{@code Counter_Proxy.Async}, reached through {@code counter.async()}, whose methods return
 *       {@link java.util.concurrent.CompletableFuture}s;
 *   <li>{@code Counter_Dispatcher}, which runs calls on the node through a switch on the method
 *       index, without reflection;
 *   <li>{@code Counter_ManagedType} and a {@code META-INF/services} entry, through which every JVM
 *       that uses Steward finds the class with no wiring.
 * </ul>
 *
 * <pre>{@code
 * @Managed
 * public class Counter {
 *     private int value;
 *
 *     @Exposed public void increment() { value++; }
 *     @Exposed public void reset() { value = 0; }
 *     @Exposed public int getValue() { return value; }
 * }
 *
 * try (Manager manager = Manager.start()) {
 *     Counter_Proxy counter = Counter_Proxy.create(manager);  // or manager.create(Counter.class)
 *     manager.spawn(Worker.class, counter).join();           // main(Counter_Proxy counter)
 *     System.out.println(counter.getValue());
 * }
 * }</pre>
 *
 * <p><b>Rules.</b> The class is public, concrete, not generic, and top-level or a static nested
 * class of public classes; it has at least one public constructor. Exposed methods are public
 * instance methods declared in the class itself, without type parameters. Their parameter and
 * return types must be sendable: primitives and their wrappers, {@code String}, JDK value types,
 * records and enums (whose components are sendable), arrays and the {@code java.util} collections
 * of these, {@code Object} (checked when the call is made), a {@code @Managed} class (the proxy on
 * the client, the real object on the node), or a shared type such as {@link SharedList}. Anything
 * else is a compile-time error that says what to change.
 *
 * <p><b>Threads.</b> Calls on one object run one at a time, in the order they reached the node, on
 * a worker thread of the node (never on a transport thread), so a managed class needs no locking
 * of its own, and a method that blocks delays only calls on its own object. Set {@link
 * #concurrent()} for a thread-safe class whose calls may overlap, and {@link #inline()} for a class
 * whose methods are short and never block, to run them on the transport thread.
 *
 * <p><b>Errors.</b> An exception thrown by an exposed method reaches the caller with its type name,
 * message and the node's stack trace (see {@link RemoteInvocationException}); a checked exception
 * that the method declares is rethrown as its own type.
 *
 * <p>Classes that cannot be annotated are registered at run time instead, with {@link
 * Manager.Builder#registerManaged(Class, Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Managed {
    /**
     * Lets calls on one object run at the same time, on several worker threads. By default they
     * run one at a time; set this only for classes that are thread-safe.
     *
     * @return {@code true} if calls may overlap
     */
    boolean concurrent() default false;

    /**
     * Runs calls on the node's transport thread that received them, without the hand-off to a
     * worker thread and back: for classes whose exposed methods are short and never block (no I/O,
     * no waiting, no locks held for long, no synchronous calls through Steward proxies). Calls on
     * one object still run one at a time unless {@link #concurrent()} is set. It saves every call
     * the wake-up of a worker thread, which on a small machine is most of a call's cost (see {@code
     * docs/managed.md}); the price is that a method that blocks stalls every client that the same
     * transport thread serves, which is why it is off by default.
     *
     * @return {@code true} to run calls on the transport thread
     */
    boolean inline() default false;

    /**
     * Exposes every public instance method declared in the class, as if each were annotated
     * {@link Exposed} (Python's default when {@code exposed} is not given).
     *
     * @return {@code true} to expose all public methods
     */
    boolean exposeAll() default false;

    /**
     * Lists types that exposed methods send through a {@link TypeAdapter}, which the processor
     * cannot see: they are accepted as parameter and return types. Every JVM that sends or
     * receives them must register the adapter with {@link Manager.Builder#register(TypeAdapter)}.
     *
     * @return the adapted types
     */
    Class<?>[] adapted() default {};
}
