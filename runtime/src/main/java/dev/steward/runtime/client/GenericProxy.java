package dev.steward.runtime.client;

/** The proxy of an object whose type this JVM does not know: it can be stored, passed and closed. */
final class GenericProxy extends AbstractProxy {
    GenericProxy(ProxyHandle handle) {
        super(handle);
    }

    @Override
    public String toString() {
        return "<proxy of " + describe() + ">";
    }
}
