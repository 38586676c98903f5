package dev.steward.runtime.client;

/** Implemented by every proxy, built-in or generated: gives the codec the proxy's handle. */
public interface ProxySupport {
    /**
     * Returns the handle of the remote object.
     *
     * @return the handle
     */
    ProxyHandle proxyHandle();
}
