package dev.steward.runtime.managed;

/**
 * What a dispatcher needs from the node during one call: turning received references into the
 * objects they stand for, and objects it returns into references. References taken for the call
 * are released once it is answered.
 */
public interface NodeContext {
    /**
     * Returns the instance of a managed object passed as an argument.
     *
     * @param args the arguments
     * @param index the argument's position
     * @param type the parameter's managed class
     * @param <T> the parameter type
     * @return the instance on this node, or {@code null}
     * @throws dev.steward.ProtocolException if the argument is not a reference to an object of
     *     that class
     */
    <T> T managed(Object[] args, int index, Class<?> type);

    /**
     * Returns a proxy, usable on this node, for a shared object passed as an argument.
     *
     * @param args the arguments
     * @param index the argument's position
     * @param type the parameter's shared type, such as {@code SharedList.class}
     * @param <T> the parameter type
     * @return the proxy, or {@code null}
     * @throws dev.steward.ProtocolException if the argument is not a reference of that type
     */
    <T> T shared(Object[] args, int index, Class<?> type);

    /**
     * Turns an instance of a managed class returned by a method into a reference: the node hosts
     * it (once: the same instance returned twice is the same object), and the caller gets a proxy.
     *
     * @param instance the instance, or {@code null}
     * @param declared the method's declared return type, a managed class
     * @return what to send
     */
    Object reference(Object instance, Class<?> declared);

    /**
     * Turns a proxy of a shared object of this node, returned by a method, into a reference.
     *
     * @param proxy the proxy, or {@code null}
     * @return what to send
     * @throws dev.steward.NotSendableException if the proxy belongs to another node
     */
    Object sharedReference(Object proxy);
}
