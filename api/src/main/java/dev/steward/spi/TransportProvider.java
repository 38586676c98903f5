package dev.steward.spi;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * A transport, found by {@link java.util.ServiceLoader} in a transport module's {@code
 * META-INF/services/dev.steward.spi.TransportProvider}. An address's URI scheme picks the provider
 * that serves it; with no address, the available provider with the highest {@link #priority()}
 * serves its {@link #defaultAddress()}. Internal.
 */
public abstract class TransportProvider {
    /** For subclasses. */
    protected TransportProvider() {}

    /**
     * Names the transport in diagnostics.
     *
     * @return for example {@code netty-tcp}
     */
    public abstract String name();

    /**
     * Lists the URI schemes this transport serves.
     *
     * @return for example {@code tcp}
     */
    public abstract Set<String> schemes();

    /**
     * Ranks this provider when none is asked for by address; higher wins.
     *
     * @return the priority
     */
    public abstract int priority();

    /**
     * Tells whether this provider can work here (native libraries present, and so on).
     *
     * @return {@code true} if usable
     */
    public boolean isAvailable() {
        return true;
    }

    /**
     * Returns the address a node listens on when none is given.
     *
     * @return for example {@code tcp://127.0.0.1:0}
     */
    public abstract URI defaultAddress();

    /**
     * Starts listening. Blocks until bound; must not be called from a transport's I/O thread. The
     * acceptor runs on an I/O thread and must not block.
     *
     * @param address where to listen
     * @param config limits and options
     * @param acceptor called for every new connection
     * @return the listening endpoint
     * @throws IOException if the address cannot be bound
     */
    public abstract ServerTransport listen(URI address, TransportConfig config, ConnectionAcceptor acceptor)
            throws IOException;

    /**
     * Connects to a node. Blocks until connected; must not be called from a transport's I/O thread.
     * Options in the address's query (such as {@code aeron:udp?endpoint=...|term-length=64k}) are
     * the transport's to read; {@link TransportConfig#options()} holds the manager's options.
     *
     * @param address the node's address
     * @param config limits and options
     * @param listener receives the connection's frames
     * @return the connection, open
     * @throws IOException if the node cannot be reached
     */
    public abstract TransportConnection connect(URI address, TransportConfig config, FrameListener listener)
            throws IOException;

    @Override
    public String toString() {
        return name() + schemes() + " priority " + priority();
    }
}
