/**
 * The Netty TCP transport: {@code tcp://host:port} addresses, length-prefixed frames, epoll on
 * Linux and NIO elsewhere; on Java 22 and later, run with {@code --enable-native-access=ALL-UNNAMED}
 * to silence the JDK's warning about epoll's native library.
 */
package dev.steward.transport.netty;
