package dev.steward.runtime.managed;

/**
 * Runs constructors and exposed methods of one managed class on the node. Generated dispatchers
 * switch on the index and call the class directly; nothing on this path uses reflection. Arguments
 * arrive decoded and counted (the caller checks the count); a dispatcher fits each one to its
 * parameter type with {@link NodeCalls} and {@link NodeContext}.
 *
 * @param <T> the managed class
 */
public interface ManagedDispatcher<T> {
    /**
     * Runs a constructor.
     *
     * @param constructor the constructor index
     * @param args the arguments
     * @param context turns references into objects
     * @return the new instance
     * @throws Throwable whatever the constructor throws
     */
    T construct(int constructor, Object[] args, NodeContext context) throws Throwable;

    /**
     * Runs an exposed method.
     *
     * @param target the instance
     * @param method the method index
     * @param args the arguments
     * @param context turns references into objects and back
     * @return the result, {@code null} for {@code void}
     * @throws Throwable whatever the method throws
     */
    Object invoke(T target, int method, Object[] args, NodeContext context) throws Throwable;
}
