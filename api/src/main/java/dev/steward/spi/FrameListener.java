package dev.steward.spi;

import java.nio.ByteBuffer;

/**
 * Receives the frames of one connection. A transport calls it from one thread at a time, in the
 * order frames arrived, on its own I/O thread (or on a thread that calls {@link
 * TransportConnection#poll}): callbacks must not block. Callbacks may begin
 * before {@link TransportProvider#connect} returns (a peer may speak first), so a listener must not
 * rely on fields set from connect's result. Internal.
 */
public interface FrameListener {
    /**
     * A whole frame arrived. The buffer is valid only during the call: copy what must outlive it.
     *
     * @param frame the frame, from its position to its limit
     */
    void onFrame(ByteBuffer frame);

    /**
     * A peer announced a frame larger than the limit; its bytes were discarded. The connection is
     * still open, so the listener can say why before closing it.
     *
     * @param length the announced length, read as an unsigned number
     */
    void onOversizedFrame(long length);

    /**
     * The connection ended. Called once; no frames follow.
     *
     * @param cause why, or {@code null} for an orderly close
     */
    void onClose(Throwable cause);
}
