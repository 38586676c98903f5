package dev.steward.transport.aeron;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Steward Aeron address: {@code aeron:ipc} or {@code aeron:udp?endpoint=host:port}, with optional
 * parameters after the {@code ?}, separated by {@code &} (or Aeron's {@code |}, which a URI must
 * write as {@code %7C}, so no value can hold a {@code |}).
 *
 * <p>Parameters: {@code endpoint} (UDP only, required there), {@code stream} (the node's request
 * stream id), {@code aeron.dir} (the media driver's directory) and any {@code aeron.*} option of
 * {@link AeronSettings}; {@code term-length} and {@code mtu} are accepted as short names of {@code
 * aeron.termLength} and {@code aeron.mtu}. A node reports its address with the stream id, and for
 * IPC the driver directory, filled in, so that the address alone lets another process connect.
 *
 * @param media IPC or UDP
 * @param endpoint {@code host:port} for UDP, {@code null} for IPC
 * @param stream the node's request stream id, or {@code null} if not given
 * @param options the other parameters, under their option names ({@code aeron.dir}, {@code
 *     aeron.termLength}, ...)
 */
record AeronAddress(Media media, String endpoint, Integer stream, Map<String, String> options) {
    static final String SCHEME = "aeron";
    static final String ENDPOINT = "endpoint";
    static final String STREAM = "stream";

    /** Short Aeron-style names of options, as they may appear in an address. */
    private static final Map<String, String> ALIASES =
            Map.of("term-length", AeronSettings.TERM_LENGTH, "mtu", AeronSettings.MTU);

    /** Where a node's traffic travels. */
    enum Media {
        /** Shared memory between the processes of one host. */
        IPC,
        /** UDP unicast, across hosts. */
        UDP
    }

    AeronAddress {
        options = Map.copyOf(options);
    }

    /**
     * Parses an address.
     *
     * @param address the URI
     * @return the address
     * @throws IllegalArgumentException if it is not a valid Aeron address, with what to write instead
     */
    static AeronAddress parse(URI address) {
        String scheme = address.getScheme();
        if (scheme == null || !scheme.equalsIgnoreCase(SCHEME)) {
            throw new IllegalArgumentException("'" + address + "' is not an Aeron address: use " + examples());
        }
        if (!address.isOpaque()) {
            throw new IllegalArgumentException(
                    "'" + address + "' is not an Aeron address (no '//' after 'aeron:'): use " + examples());
        }
        String part = address.getRawSchemeSpecificPart();
        int question = part.indexOf('?');
        String mediaName = question < 0 ? part : part.substring(0, question);
        Media media;
        switch (mediaName.toLowerCase(Locale.ROOT)) {
            case "ipc":
                media = Media.IPC;
                break;
            case "udp":
                media = Media.UDP;
                break;
            default:
                throw new IllegalArgumentException(
                        "'" + address + "' names neither ipc nor udp after 'aeron:': use " + examples());
        }
        String endpoint = null;
        Integer stream = null;
        Map<String, String> options = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : part.substring(question + 1).split("[&|]|%7[cC]")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new IllegalArgumentException(
                            "'" + address + "': parameter '" + decode(pair) + "' has no value (write key=value)");
                }
                String key = decode(pair.substring(0, equals));
                String value = decode(pair.substring(equals + 1));
                if (key.equals(ENDPOINT)) {
                    endpoint = value;
                } else if (key.equals(STREAM)) {
                    stream = parseStream(address, value);
                } else {
                    String option = ALIASES.getOrDefault(key, key);
                    if (!AeronSettings.KNOWN.contains(option)) {
                        throw new IllegalArgumentException("'" + address + "': unknown parameter '" + key + "'; known: "
                                + ENDPOINT + ", " + STREAM + ", " + String.join(", ", ALIASES.keySet()) + " and "
                                + String.join(", ", new java.util.TreeSet<>(AeronSettings.KNOWN)));
                    }
                    options.put(option, value);
                }
            }
        }
        if (media == Media.UDP) {
            if (endpoint == null) {
                throw new IllegalArgumentException(
                        "'" + address + "' has no endpoint: write aeron:udp?endpoint=host:port (port 0 for any)");
            }
            HostPort.parse(endpoint, address.toString());
        } else if (endpoint != null) {
            throw new IllegalArgumentException(
                    "'" + address + "': aeron:ipc takes no endpoint (that is for aeron:udp)");
        }
        return new AeronAddress(media, endpoint, stream, options);
    }

    private static Integer parseStream(URI address, String value) {
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + address + "': stream must be a whole number, not '" + value + "'");
        }
    }

    private static String examples() {
        return "aeron:ipc (same host) or aeron:udp?endpoint=host:port (across hosts)";
    }

    /**
     * Returns an option given in the address.
     *
     * @param key the option name
     * @return its value, or {@code null}
     */
    String option(String key) {
        return options.get(key);
    }

    /**
     * Returns the UDP endpoint.
     *
     * @return host and port
     */
    HostPort hostPort() {
        return HostPort.parse(endpoint, toString());
    }

    /**
     * Returns this address with other values filled in.
     *
     * @param newEndpoint the endpoint
     * @param newStream the stream id
     * @param extra options to add or replace
     * @return the new address
     */
    AeronAddress with(String newEndpoint, int newStream, Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(options);
        merged.putAll(extra);
        return new AeronAddress(media, newEndpoint, newStream, merged);
    }

    /**
     * Formats the address as a URI: endpoint, stream, driver directory, then the other options in
     * name order, under their short names where they have one.
     *
     * @return the URI
     */
    URI toUri() {
        StringBuilder query = new StringBuilder();
        if (endpoint != null) {
            append(query, ENDPOINT, endpoint);
        }
        if (stream != null) {
            append(query, STREAM, stream.toString());
        }
        Map<String, String> rest = new TreeMap<>(options);
        String dir = rest.remove(AeronSettings.DIR);
        if (dir != null) {
            append(query, AeronSettings.DIR, dir);
        }
        Map<String, String> shortNames = new LinkedHashMap<>();
        ALIASES.forEach((alias, option) -> shortNames.put(option, alias));
        rest.forEach((key, value) -> append(query, shortNames.getOrDefault(key, key), value));
        String text = SCHEME + ":" + media.name().toLowerCase(Locale.ROOT) + (query.length() == 0 ? "" : "?" + query);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("formatted an invalid address " + text, e);
        }
    }

    @Override
    public String toString() {
        return toUri().toString();
    }

    private static void append(StringBuilder query, String key, String value) {
        if (value.indexOf('|') >= 0) {
            // %7C separates parameters (Aeron writes '|', which a URI cannot hold)
            throw new IllegalArgumentException("an Aeron address cannot carry '" + value + "': it contains '|'");
        }
        if (query.length() > 0) {
            query.append('&');
        }
        query.append(encode(key)).append('=').append(encode(value));
    }

    /** Percent-encodes what a URI's query may not hold, and the separators. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/:@,[]".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                int high = Character.digit(text.charAt(i + 1), 16);
                int low = Character.digit(text.charAt(i + 2), 16);
                if (high >= 0 && low >= 0) {
                    out.write((high << 4) | low);
                    i += 2;
                    continue;
                }
            }
            byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * A host and a port.
     *
     * @param host the host name or literal address, without brackets
     * @param port the port; 0 for any
     */
    record HostPort(String host, int port) {
        static HostPort parse(String endpoint, String where) {
            int colon = endpoint.lastIndexOf(':');
            if (colon <= 0 || colon == endpoint.length() - 1) {
                throw new IllegalArgumentException(
                        "'" + where + "': endpoint '" + endpoint + "' is not host:port (port 0 for any)");
            }
            String host = endpoint.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            int port;
            try {
                port = Integer.parseInt(endpoint.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("'" + where + "': endpoint '" + endpoint + "' has no valid port");
            }
            return new HostPort(host, port);
        }

        /** Tells whether the host means every interface. */
        boolean isWildcard() {
            return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
        }

        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
