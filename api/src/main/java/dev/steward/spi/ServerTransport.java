package dev.steward.spi;

import java.net.URI;

/** A listening transport endpoint of a node. Internal. */
public interface ServerTransport extends AutoCloseable {
    /**
     * Returns the address clients use, with an ephemeral port resolved.
     *
     * @return the address
     */
    URI address();

    /** Stops listening and closes every connection. */
    @Override
    void close();
}
