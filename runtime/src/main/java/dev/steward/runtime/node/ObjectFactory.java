package dev.steward.runtime.node;

/** Makes a hosted object of one type from the arguments of a CREATE call. */
@FunctionalInterface
public interface ObjectFactory {
    /**
     * Makes the object.
     *
     * @param node the node that will host it
     * @param args the constructor arguments, decoded
     * @return the new object, not yet hosted
     */
    HostedObject create(Node node, Object[] args);
}
