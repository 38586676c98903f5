package dev.steward.spi;

import java.net.URI;

/** A listening transport endpoint of a node. Internal. */
public interface ServerTransport extends AutoCloseable {
    /**
     * Returns the address clients use, with an ephemeral port resolved. A node bound to a wildcard
     * address reports it as such; the runtime hands clients on this host the loopback form.
     *
     * @return the address
     */
    URI address();

    /**
     * Stops listening and closes every connection, waiting a bounded time for their {@code onClose}
     * callbacks (not at all when called on an I/O thread).
     */
    @Override
    void close();
}
