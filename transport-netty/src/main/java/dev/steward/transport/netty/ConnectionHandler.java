package dev.steward.transport.netty;

import dev.steward.spi.FrameListener;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The last handler of a connection's pipeline: hands frames, oversized-frame reports and the close
 * to the connection's {@link FrameListener}, on the event loop, one at a time and in order. Frames
 * that arrive after the connection was closed locally are dropped. A listener that throws gets its
 * connection closed with that exception as the cause; the event loop carries on with other
 * connections.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = System.getLogger(ConnectionHandler.class.getName());

    private final NettyConnection connection;
    private final FrameListener listener;
    private boolean listenerFailed;
    private boolean closeDelivered;

    ConnectionHandler(NettyConnection connection, FrameListener listener) {
        this.connection = connection;
        this.listener = listener;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection.activated();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        connection.readStarted();
        try {
            if (listenerFailed || closeDelivered || connection.closing()) {
                return;
            }
            if (msg instanceof ByteBuf frame) {
                listener.onFrame(frame.nioBuffer());
            } else if (msg instanceof OversizedFrame oversized) {
                listener.onOversizedFrame(oversized.length());
            }
        } catch (Throwable t) {
            listenerFailed(t);
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        connection.readFinished();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets and broken pipes are ordinary ends of a connection; the listener hears the cause.
        LOG.log(Level.DEBUG, () -> "connection to " + connection.peer() + " failed", cause);
        connection.recordCause(cause);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!closeDelivered) {
            closeDelivered = true;
            Throwable cause = connection.deactivated();
            try {
                listener.onClose(cause);
            } catch (Throwable t) {
                LOG.log(Level.WARNING, () -> "onClose of the listener for " + connection.peer() + " threw", t);
            } finally {
                connection.terminated();
            }
        }
        ctx.fireChannelInactive();
    }

    private void listenerFailed(Throwable t) {
        listenerFailed = true;
        LOG.log(Level.WARNING, () -> "the listener for " + connection.peer() + " threw; closing the connection", t);
        connection.failAndClose(t);
    }
}
