package dev.steward;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a {@link Managed} class that other JVMs may call through the generated proxy
 * (an entry of Python's {@code exposed=[...]} list). Methods that are not exposed cannot be called
 * remotely: the proxy has no such method, and the node rejects any call that names one.
 *
 * <p>An exposed method is a public instance method declared in the {@code @Managed} class itself,
 * without type parameters, whose parameter and return types can be sent (see {@link Managed}). To
 * expose an inherited method, override it in the managed class and annotate the override. The
 * proxy's own methods ({@code objectId()}, {@code typeName()}, {@code close()}, {@code
 * isClosed()}, {@code async()}, {@code equals}, {@code hashCode}) cannot be exposed; {@code
 * toString()} can, and then the proxy's {@code toString()} asks the node.
 *
 * <pre>{@code
 * @Managed
 * public class Account {
 *     private long balance;
 *
 *     @Exposed
 *     public void withdraw(long amount) throws InsufficientFundsException {
 *         if (amount > balance) {
 *             throw new InsufficientFundsException("balance is " + balance);
 *         }
 *         balance -= amount;
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Exposed {}
