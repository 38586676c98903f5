package dev.steward.runtime.node;

/**
 * An {@link ObjectFactory} whose objects are made off the transport thread (a user constructor
 * may take its time): it answers the CREATE call itself, once the object exists.
 */
public interface DeferredObjectFactory extends ObjectFactory {
    /**
     * Makes the object and answers the call with it, or with the failure, now or later.
     *
     * @param node the node
     * @param args the CREATE arguments after the type name, decoded
     * @param call the CREATE call
     */
    void createLater(Node node, Object[] args, Call call);

    @Override
    default HostedObject create(Node node, Object[] args) {
        throw new UnsupportedOperationException("objects of this type are created with createLater");
    }
}
