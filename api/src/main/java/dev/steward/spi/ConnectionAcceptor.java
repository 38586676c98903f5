package dev.steward.spi;

/** Called by a server transport for every new connection. Internal. */
public interface ConnectionAcceptor {
    /**
     * A client connected.
     *
     * @param connection the new connection
     * @return the listener for its frames
     */
    FrameListener accept(TransportConnection connection);
}
