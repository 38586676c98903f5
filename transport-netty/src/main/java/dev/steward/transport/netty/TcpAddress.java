package dev.steward.transport.netty;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

/**
 * A {@code tcp://host:port} address.
 *
 * @param host the host name or literal, without IPv6 brackets
 * @param port the port; 0 asks for an ephemeral one when listening
 */
record TcpAddress(String host, int port) {
    static final String SCHEME = "tcp";
    static final String DEFAULT_HOST = "127.0.0.1";

    /**
     * Reads an address. A missing host means {@value #DEFAULT_HOST}, a missing port means 0.
     *
     * @param uri for example {@code tcp://127.0.0.1:0}
     * @return the address
     * @throws IllegalArgumentException if it is not a {@code tcp} address or the port is not a number
     */
    static TcpAddress parse(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not a tcp:// address: " + uri);
        }
        String host = uri.getHost();
        int port = uri.getPort();
        // URI leaves host and port unset when the authority is not a valid server name, as in
        // "tcp://:5000" or a host name with an underscore, so read the authority by hand.
        if (host == null && uri.getAuthority() != null) {
            String authority = uri.getAuthority();
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && !authority.endsWith("]")) {
                host = authority.substring(0, colon);
                port = parsePort(authority.substring(colon + 1), uri);
            } else {
                host = authority;
            }
        }
        if (host == null || host.isEmpty()) {
            host = DEFAULT_HOST;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new TcpAddress(host, port < 0 ? 0 : port);
    }

    private static int parsePort(String text, URI uri) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port '" + text + "' in " + uri);
    }

    /**
     * Resolves the host on the calling thread, so that no event loop waits for DNS.
     *
     * @return the socket address
     * @throws UnknownHostException if the host has no address
     */
    InetSocketAddress resolve() throws UnknownHostException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    /**
     * Returns this address with another port.
     *
     * @param newPort the port
     * @return a copy
     */
    TcpAddress withPort(int newPort) {
        return new TcpAddress(host, newPort);
    }

    URI toUri() {
        try {
            return new URI(SCHEME, null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            // Host names that URI rejects (underscores) still make a usable address string.
            return URI.create(toString());
        }
    }

    /**
     * Describes a socket's address by IP and port.
     *
     * @param address a socket address, possibly {@code null}
     * @return for example {@code tcp://127.0.0.1:53122}, or {@code null}
     */
    static String describe(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet)) {
            return address == null ? null : address.toString();
        }
        InetAddress ip = inet.getAddress();
        String host = ip == null ? inet.getHostString() : ip.getHostAddress();
        if (ip instanceof Inet6Address) {
            host = "[" + host + "]";
        }
        return SCHEME + "://" + host + ":" + inet.getPort();
    }

    @Override
    public String toString() {
        return SCHEME + "://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
