package dev.steward.transport.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.io.IOException;
import java.nio.channels.spi.SelectorProvider;
import java.util.Locale;

/** The Netty I/O implementations this transport can run on; each has its own event-loop group. */
enum NettyTransportKind {
    /** Linux epoll through Netty's native library. */
    EPOLL {
        @Override
        IoHandlerFactory ioHandlerFactory(SelectStrategyFactory selectStrategies) {
            return EpollIoHandler.newFactory(0, selectStrategies);
        }

        @Override
        Class<? extends ServerChannel> serverChannelClass() {
            return EpollServerSocketChannel.class;
        }

        @Override
        Class<? extends SocketChannel> channelClass() {
            return EpollSocketChannel.class;
        }
    },
    /** The JDK's selector, available everywhere. */
    NIO {
        @Override
        IoHandlerFactory ioHandlerFactory(SelectStrategyFactory selectStrategies) {
            return NioIoHandler.newFactory(SelectorProvider.provider(), selectStrategies);
        }

        @Override
        Class<? extends ServerChannel> serverChannelClass() {
            return NioServerSocketChannel.class;
        }

        @Override
        Class<? extends SocketChannel> channelClass() {
            return NioSocketChannel.class;
        }
    };

    /**
     * The factory of a group's I/O handlers.
     *
     * @param selectStrategies how the loops wait for I/O
     * @return the factory
     */
    abstract IoHandlerFactory ioHandlerFactory(SelectStrategyFactory selectStrategies);

    abstract Class<? extends ServerChannel> serverChannelClass();

    abstract Class<? extends SocketChannel> channelClass();

    /**
     * Picks the kind named by the {@code netty.transport} option, or epoll when the platform has it.
     *
     * @param option {@code nio}, {@code epoll}, or {@code null} to choose automatically
     * @return the kind
     * @throws IOException if epoll is asked for but cannot be loaded here
     */
    static NettyTransportKind select(String option) throws IOException {
        if (option == null || option.isBlank() || option.equalsIgnoreCase("auto")) {
            return Epoll.isAvailable() ? EPOLL : NIO;
        }
        switch (option.trim().toLowerCase(Locale.ROOT)) {
            case "nio":
                return NIO;
            case "epoll":
                if (!Epoll.isAvailable()) {
                    throw new IOException(
                            "netty.transport=epoll was asked for but epoll is not available here; use"
                                    + " netty.transport=nio or add netty-transport-native-epoll for this platform",
                            Epoll.unavailabilityCause());
                }
                return EPOLL;
            default:
                throw new IllegalArgumentException("netty.transport must be nio, epoll or auto, not '" + option + "'");
        }
    }
}
