package dev.steward.transport.aeron;

import io.aeron.Publication;
import java.nio.ByteOrder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * What travels on a connection's streams. Each direction is a reliable, ordered stream of records
 * (Aeron guarantees the order and the delivery of one publication's messages), cut into Aeron
 * messages of at most {@code maxMessageLength} bytes: a record may span messages, and one message
 * may hold several small records.
 *
 * <ul>
 *   <li>{@code DATA}: type, a 4-byte big-endian unsigned length, then that many bytes of one
 *       Steward frame. A frame longer than an Aeron message continues in the following messages,
 *       so frames of any size up to 4 GiB travel (the receiver's {@code maxFrameBytes} decides).
 *   <li>{@code CONNECT} (client to node, the first record of the client's stream): the transport
 *       version, where the node should send its replies, who the client is, and the port of its
 *       {@link Doorbell}.
 *   <li>{@code ACCEPTED} (node to client, the first record of the reply stream): the version and
 *       who the node is.
 *   <li>{@code CLOSE}: the sender closed the connection in order; nothing follows.
 * </ul>
 *
 * Control records ({@code CONNECT}, {@code ACCEPTED}, {@code CLOSE}) are always one whole Aeron
 * message.
 */
final class Wire {
    static final byte DATA = 1;
    static final byte CONNECT = 2;
    static final byte ACCEPTED = 3;
    static final byte CLOSE = 4;

    /** The version of this record layout; a node refuses clients of another. */
    static final int VERSION = 1;

    static final int DATA_HEADER_LENGTH = 5;
    static final ByteOrder ORDER = ByteOrder.BIG_ENDIAN;

    /** Longest text field of a control record. */
    private static final int MAX_TEXT = 1024;

    private Wire() {}

    /**
     * Who one end of a connection is, for watching its process.
     *
     * @param pid the process id
     * @param startMillis the process's start time in epoch milliseconds; 0 if unknown
     * @param host the host's identity (Linux boot id), or empty if unknown
     */
    record Peer(long pid, long startMillis, String host) {}

    /**
     * A client's first record.
     *
     * @param version the client's transport version
     * @param replyStream the stream id of the client's reply subscription
     * @param replyEndpoint for UDP, the {@code host:port} of the client's reply subscription; empty
     *     for IPC
     * @param peer the client
     * @param doorbellPort the port of the client's {@link Doorbell} (on the loopback address for
     *     IPC, on the reply endpoint's host for UDP); 0 for none (absent in older clients' records)
     */
    record Connect(int version, int replyStream, String replyEndpoint, Peer peer, int doorbellPort) {}

    /**
     * The node's first record on the reply stream.
     *
     * @param version the node's transport version
     * @param peer the node
     */
    record Accepted(int version, Peer peer) {}

    static int putDataHeader(MutableDirectBuffer buffer, int offset, int length) {
        buffer.putByte(offset, DATA);
        buffer.putInt(offset + 1, length, ORDER);
        return DATA_HEADER_LENGTH;
    }

    static int encode(MutableDirectBuffer buffer, Connect connect) {
        int at = 0;
        buffer.putByte(at, CONNECT);
        at += 1;
        buffer.putInt(at, connect.version(), ORDER);
        at += 4;
        buffer.putInt(at, connect.replyStream(), ORDER);
        at += 4;
        at += buffer.putStringUtf8(at, connect.replyEndpoint(), ORDER, MAX_TEXT);
        at += putPeer(buffer, at, connect.peer());
        buffer.putInt(at, connect.doorbellPort(), ORDER);
        return at + 4;
    }

    static int encode(MutableDirectBuffer buffer, Accepted accepted) {
        buffer.putByte(0, ACCEPTED);
        buffer.putInt(1, accepted.version(), ORDER);
        return 5 + putPeer(buffer, 5, accepted.peer());
    }

    static int encodeClose(MutableDirectBuffer buffer) {
        buffer.putByte(0, CLOSE);
        return 1;
    }

    private static int putPeer(MutableDirectBuffer buffer, int offset, Peer peer) {
        buffer.putLong(offset, peer.pid(), ORDER);
        buffer.putLong(offset + 8, peer.startMillis(), ORDER);
        return 16 + buffer.putStringUtf8(offset + 16, peer.host(), ORDER, MAX_TEXT);
    }

    /**
     * Reads a {@code CONNECT} record.
     *
     * @param buffer the buffer
     * @param offset where the record starts (at its type)
     * @param length its length
     * @return the record
     * @throws IllegalArgumentException if it is malformed
     */
    static Connect decodeConnect(DirectBuffer buffer, int offset, int length) {
        Reader r = new Reader(buffer, offset, length);
        r.expectType(CONNECT);
        int version = r.readInt();
        if (version != VERSION) {
            // the rest may be laid out differently: report the version alone
            return new Connect(version, 0, "", new Peer(0, 0, ""), 0);
        }
        int replyStream = r.readInt();
        String endpoint = r.readText();
        Peer peer = r.readPeer();
        int doorbell = r.remaining() >= 4 ? r.readInt() : 0;
        if (doorbell < 0 || doorbell > 65_535) {
            throw new IllegalArgumentException("a doorbell port of " + doorbell);
        }
        return new Connect(version, replyStream, endpoint, peer, doorbell);
    }

    /**
     * Reads an {@code ACCEPTED} record.
     *
     * @param buffer the buffer
     * @param offset where the record starts
     * @param length its length
     * @return the record
     * @throws IllegalArgumentException if it is malformed
     */
    static Accepted decodeAccepted(DirectBuffer buffer, int offset, int length) {
        Reader r = new Reader(buffer, offset, length);
        r.expectType(ACCEPTED);
        int version = r.readInt();
        if (version != VERSION) {
            return new Accepted(version, new Peer(0, 0, ""));
        }
        return new Accepted(version, r.readPeer());
    }

    /**
     * Names a negative result of {@link Publication#offer} or {@link Publication#tryClaim}.
     *
     * @param result the result
     * @return its name
     */
    static String describe(long result) {
        if (result == Publication.NOT_CONNECTED) {
            return "NOT_CONNECTED";
        } else if (result == Publication.BACK_PRESSURED) {
            return "BACK_PRESSURED";
        } else if (result == Publication.ADMIN_ACTION) {
            return "ADMIN_ACTION";
        } else if (result == Publication.CLOSED) {
            return "CLOSED";
        } else if (result == Publication.MAX_POSITION_EXCEEDED) {
            return "MAX_POSITION_EXCEEDED";
        }
        return "position " + result;
    }

    /** Reads fields in order, refusing to read past the record. */
    private static final class Reader {
        private final DirectBuffer buffer;
        private final int end;
        private int at;

        Reader(DirectBuffer buffer, int offset, int length) {
            this.buffer = buffer;
            this.at = offset;
            this.end = offset + length;
        }

        void expectType(byte type) {
            need(1);
            byte actual = buffer.getByte(at++);
            if (actual != type) {
                throw new IllegalArgumentException("expected record type " + type + ", got " + actual);
            }
        }

        int readInt() {
            need(4);
            int v = buffer.getInt(at, ORDER);
            at += 4;
            return v;
        }

        long readLong() {
            need(8);
            long v = buffer.getLong(at, ORDER);
            at += 8;
            return v;
        }

        String readText() {
            int length = readInt();
            if (length < 0 || length > MAX_TEXT) {
                throw new IllegalArgumentException("a text field of " + length + " bytes");
            }
            need(length);
            String s = buffer.getStringWithoutLengthUtf8(at, length);
            at += length;
            return s;
        }

        int remaining() {
            return end - at;
        }

        Peer readPeer() {
            return new Peer(readLong(), readLong(), readText());
        }

        private void need(int bytes) {
            if (end - at < bytes) {
                throw new IllegalArgumentException("the record ends early");
            }
        }
    }
}
