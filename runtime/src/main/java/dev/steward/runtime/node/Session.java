package dev.steward.runtime.node;

import dev.steward.NotSendableException;
import dev.steward.ProtocolException;
import dev.steward.UnknownMethodException;
import dev.steward.UnknownObjectException;
import dev.steward.UnregisteredTypeException;
import dev.steward.runtime.codec.CodecPool;
import dev.steward.runtime.codec.Decoder;
import dev.steward.runtime.codec.Encoder;
import dev.steward.runtime.codec.Ref;
import dev.steward.runtime.codec.References;
import dev.steward.runtime.protocol.Handshake;
import dev.steward.runtime.protocol.Protocol;
import dev.steward.runtime.protocol.RemoteErrors;
import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.msgpack.core.MessagePacker;

/**
 * One client connection on the node: the handshake, then calls, releases and heartbeats. It holds
 * the references the node handed this client; when the connection ends, for whatever reason, they
 * are all released. Frames arrive one at a time (the transport's guarantee); replies may be sent
 * from any thread.
 */
public final class Session implements FrameListener {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());

    private enum State {
        HELLO,
        AUTH,
        OPEN,
        CLOSED
    }

    private final Node node;
    private final TransportConnection connection;
    private final long id;
    private final long createdNanos = System.nanoTime();
    private volatile State state = State.HELLO;
    private byte[] clientNonce;
    private byte[] nodeNonce;
    private String clientName = "?";
    private final AtomicBoolean closed = new AtomicBoolean();

    /** References held by this client, by object id; guarded by itself. */
    private final Map<Long, Hold> holds = new HashMap<>();

    /** Calls of this client parked on the node, by request id, for CANCEL. */
    private final Map<Long, BuiltinObject.Waiter> parked = new java.util.concurrent.ConcurrentHashMap<>();

    /** Objects that keep state for this client (waiters, lock ownership, permits), told when it ends. */
    private final java.util.Set<BuiltinObject> touched = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Temporary references taken while decoding the current frame's arguments (reader thread only). */
    private final List<HostedObject> decodeHolds = new ArrayList<>();

    private final References decodeReferences = new References() {
        @Override
        public Ref refOf(Object value) {
            return null;
        }

        @Override
        public Object resolve(Ref ref) {
            HostedObject o = ref.objectId() == Protocol.NODE_OBJECT ? null : node.find(ref.objectId());
            if (o == null || !o.retain()) {
                throw new UnknownObjectException("an argument refers to object " + ref.objectId() + " ("
                        + ref.typeName() + "), which does not exist on this node: it was freed, or belongs to"
                        + " another node");
            }
            decodeHolds.add(o);
            return o;
        }
    };

    volatile boolean heard = true;
    volatile long lastHeardNanos = System.nanoTime();
    volatile boolean spoke;

    Session(Node node, TransportConnection connection, long id) {
        this.node = node;
        this.connection = connection;
        this.id = id;
    }

    /**
     * Returns the session id.
     *
     * @return the id
     */
    public long id() {
        return id;
    }

    /**
     * Tells whether the session is closed.
     *
     * @return {@code true} once the connection ended
     */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void onFrame(ByteBuffer frame) {
        heard = true;
        if (state == State.CLOSED) {
            return;
        }
        Decoder dec = CodecPool.decoder().begin(frame, node.registry(), decodeReferences, true);
        try {
            int parts = dec.readArrayHeader();
            if (parts < 1) {
                throw new ProtocolException("empty message");
            }
            int kind = dec.readInt();
            switch (state) {
                case HELLO:
                    onHello(dec, kind, parts);
                    break;
                case AUTH:
                    onAuth(dec, kind, parts);
                    break;
                case OPEN:
                    onMessage(dec, kind, parts);
                    break;
                default:
                    break;
            }
        } catch (ProtocolException e) {
            protocolViolation(e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "unexpected failure handling a frame from " + this, e);
            protocolViolation("the node could not handle a frame: " + e);
        } finally {
            releaseDecodeHolds();
            CodecPool.release(dec);
        }
    }

    private void onHello(Decoder dec, int kind, int parts) {
        if (kind != Protocol.HELLO || parts < 5) {
            refuse(
                    Protocol.E_PROTOCOL,
                    "expected HELLO, the first message of Steward's protocol, but got " + Protocol.kindName(kind)
                            + ": this peer does not speak Steward's protocol");
            return;
        }
        String magic = dec.readString();
        if (!Protocol.MAGIC.equals(magic)) {
            refuse(Protocol.E_PROTOCOL, "not a Steward client (magic '" + magic + "')");
            return;
        }
        int min = dec.readInt();
        int max = dec.readInt();
        byte[] nonce = dec.readBinary();
        if (parts > 5) {
            Object info = dec.readValue();
            if (info instanceof Map<?, ?> m && m.get("name") instanceof String n) {
                clientName = n.length() > 100 ? n.substring(0, 100) : n;
            }
        }
        int version = Math.min(max, Protocol.VERSION_MAX);
        if (version < Math.max(min, Protocol.VERSION_MIN)) {
            refuse(
                    Protocol.E_PROTOCOL,
                    "protocol version mismatch: the client speaks versions " + min + " to " + max + ", this node "
                            + Protocol.VERSION_MIN + " to " + Protocol.VERSION_MAX);
            return;
        }
        if (nonce.length != Handshake.NONCE_BYTES) {
            refuse(
                    Protocol.E_PROTOCOL,
                    "HELLO carries a nonce of " + nonce.length + " bytes; expected " + Handshake.NONCE_BYTES);
            return;
        }
        clientNonce = nonce;
        nodeNonce = Handshake.nonce();
        byte[] proof = Handshake.nodeProof(node.authKey(), clientNonce, nodeNonce);
        state = State.AUTH;
        Encoder enc = CodecPool.encoder().begin(node.registry(), References.NONE);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(5);
            p.packInt(Protocol.CHALLENGE);
            p.packInt(version);
            p.packBinaryHeader(nodeNonce.length);
            p.writePayload(nodeNonce);
            p.packBinaryHeader(proof.length);
            p.writePayload(proof);
            p.packString(node.nodeId());
            send(enc.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    private void onAuth(Decoder dec, int kind, int parts) {
        if (kind != Protocol.AUTH || parts != 2) {
            refuse(Protocol.E_AUTH, "expected AUTH after CHALLENGE, got " + Protocol.kindName(kind));
            return;
        }
        byte[] proof = dec.readBinary();
        if (!Handshake.matches(Handshake.clientProof(node.authKey(), nodeNonce, clientNonce), proof)) {
            LOG.log(Level.WARNING, "authentication failed for " + connection.peer() + ": wrong auth key");
            refuse(Protocol.E_AUTH, "authentication failed: the client's auth key does not match the node's");
            return;
        }
        state = State.OPEN;
        node.opened(this);
        Encoder enc = CodecPool.encoder().begin(node.registry(), References.NONE);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(5);
            p.packInt(Protocol.WELCOME);
            p.packLong(id);
            p.packInt(node.maxFrameBytes());
            p.packLong(node.heartbeatMillis());
            p.packLong(node.leaseMillis());
            send(enc.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    private void onMessage(Decoder dec, int kind, int parts) {
        switch (kind) {
            case Protocol.CALL:
                if (parts != 5) {
                    throw new ProtocolException("CALL has " + parts + " parts; expected 5");
                }
                onCall(dec);
                break;
            case Protocol.RELEASE:
                if (parts != 3) {
                    throw new ProtocolException("RELEASE has " + parts + " parts; expected 3");
                }
                releaseHolds(dec.readLong(), dec.readInt());
                break;
            case Protocol.CANCEL:
                if (parts != 2) {
                    throw new ProtocolException("CANCEL has " + parts + " parts; expected 2");
                }
                cancel(dec.readLong());
                break;
            case Protocol.PING:
                break;
            case Protocol.BYE:
                close(null);
                break;
            default:
                throw new ProtocolException("unexpected message " + Protocol.kindName(kind) + " from a client");
        }
    }

    private void onCall(Decoder dec) {
        long requestId = dec.readLong();
        long objectId = dec.readLong();
        int method = dec.readInt();
        HostedObject target = node.find(objectId);
        if (target == null) {
            sendError(
                    requestId,
                    new UnknownObjectException("object " + objectId + " does not exist on this node:"
                            + " it was freed when its last reference was released, or never existed"));
            return;
        }
        Object[] args;
        try {
            dec.mode(decodeReferences, target.opaqueValues());
            int n = dec.readArrayHeader();
            args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = dec.readValue();
            }
            if (dec.hasNext()) {
                throw new ProtocolException("trailing bytes after the arguments");
            }
        } catch (ProtocolException | UnknownObjectException | UnregisteredTypeException e) {
            sendError(requestId, e instanceof ProtocolException ? badArguments(target, method, e) : e);
            return;
        }
        List<HostedObject> callHolds = null;
        if (!decodeHolds.isEmpty()) {
            callHolds = new ArrayList<>(decodeHolds);
            decodeHolds.clear();
        }
        Call call = new Call(this, requestId, target, method, args, callHolds);
        try {
            target.invoke(call);
        } catch (RuntimeException e) {
            call.fail(e);
        }
    }

    private static ProtocolException badArguments(HostedObject target, int method, Exception e) {
        return new ProtocolException(
                "the arguments of method " + method + " on " + target + " could not be read: " + e.getMessage());
    }

    private void releaseDecodeHolds() {
        if (!decodeHolds.isEmpty()) {
            for (HostedObject o : decodeHolds) {
                o.release(1);
            }
            decodeHolds.clear();
        }
    }

    /**
     * Encodes a RESULT message; the references in it become this client's holds.
     *
     * @param enc an encoder
     * @param requestId the request
     * @param value the result
     * @return the frame, valid until the encoder is reused
     * @throws NotSendableException if the result cannot be sent
     */
    ByteBuffer encodeResult(Encoder enc, long requestId, Object value) {
        Outgoing out = new Outgoing();
        enc.begin(node.registry(), out);
        boolean ok = false;
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(3);
            p.packInt(Protocol.RESULT);
            p.packLong(requestId);
            enc.writeValue(value, "the result");
            ByteBuffer frame = enc.frame();
            if (frame.remaining() > node.maxFrameBytes()) {
                throw new NotSendableException("the call took effect, but its result is " + frame.remaining()
                        + " bytes, over the frame limit of " + node.maxFrameBytes() + " bytes");
            }
            ok = true;
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.finish(ok);
        }
    }

    /**
     * Encodes an ERROR message into an array the caller owns.
     *
     * @param error what failed
     * @param requestId the request
     * @return the frame
     */
    byte[] encodeError(Throwable failure, long requestId) {
        Throwable error = CheckedFailure.reported(failure);
        Encoder enc = CodecPool.encoder().begin(node.registry(), References.NONE);
        try {
            RemoteErrors.writeError(enc, requestId, codeOf(error), error);
            return enc.toByteArray();
        } finally {
            CodecPool.release(enc);
        }
    }

    void parked(BuiltinObject.Waiter w) {
        touch(w.owner);
        parked.put(w.call.requestId(), w);
    }

    void unparked(BuiltinObject.Waiter w) {
        parked.remove(w.call.requestId(), w);
    }

    /**
     * Notes that an object keeps state for this client; it is told when the session ends.
     *
     * @param o the object
     */
    void touch(BuiltinObject o) {
        touched.add(o);
        if (closed.get() && touched.remove(o)) {
            // the session ended meanwhile: let go, but not under the monitor the caller holds
            node.execute(() -> o.sessionClosed(this));
        }
    }

    void cancel(long requestId) {
        BuiltinObject.Waiter w = parked.get(requestId);
        if (w != null) {
            w.owner.cancel(w);
        }
    }

    /**
     * Counts this client's parked calls.
     *
     * @return the count
     */
    int parkedCount() {
        return parked.size();
    }

    /**
     * Sends a RESULT.
     *
     * @param requestId the request
     * @param value the result
     */
    public void sendResult(long requestId, Object value) {
        Encoder enc = CodecPool.encoder();
        try {
            send(encodeResult(enc, requestId, value));
        } catch (NotSendableException e) {
            sendError(requestId, e);
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Sends an ERROR for a request.
     *
     * @param requestId the request
     * @param error what failed
     */
    public void sendError(long requestId, Throwable failure) {
        Throwable error = CheckedFailure.reported(failure);
        Encoder enc = CodecPool.encoder().begin(node.registry(), References.NONE);
        try {
            RemoteErrors.writeError(enc, requestId, codeOf(error), error);
            send(enc.frame());
        } finally {
            CodecPool.release(enc);
        }
    }

    private static int codeOf(Throwable e) {
        if (e instanceof UnknownObjectException) {
            return Protocol.E_NO_OBJECT;
        } else if (e instanceof UnknownMethodException) {
            return Protocol.E_NO_METHOD;
        } else if (e instanceof NotSendableException) {
            return Protocol.E_NOT_SENDABLE;
        } else if (e instanceof UnregisteredTypeException) {
            return Protocol.E_UNREGISTERED;
        } else if (e instanceof ProtocolException) {
            return Protocol.E_BAD_ARGUMENTS;
        } else if (e instanceof java.util.concurrent.CancellationException) {
            return Protocol.E_CANCELLED;
        }
        return Protocol.E_EXCEPTION;
    }

    /**
     * Sends a frame.
     *
     * @param frame the frame; copied before this returns
     */
    void send(ByteBuffer frame) {
        spoke = true;
        connection.send(frame);
    }

    /**
     * Sends a frame that answers a call the client has waited for a while: the transport may wake
     * the client as well ({@link TransportConnection#sendToWaiter}).
     *
     * @param frame the frame; copied before this returns
     */
    void sendToWaiter(ByteBuffer frame) {
        spoke = true;
        connection.sendToWaiter(frame);
    }

    /** Sends a heartbeat. */
    void ping() {
        Encoder enc = CodecPool.encoder().begin(node.registry(), References.NONE);
        try {
            enc.packer().packArrayHeader(1).packInt(Protocol.PING);
            send(enc.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Takes references on this client's behalf (for a spawned child that received proxies).
     *
     * @param objects the objects, already retained once each by the caller
     */
    void adopt(List<HostedObject> objects) {
        synchronized (holds) {
            if (!closed.get()) {
                for (HostedObject o : objects) {
                    holds.computeIfAbsent(o.id(), k -> new Hold(o)).count++;
                }
                return;
            }
        }
        objects.forEach(o -> o.release(1));
    }

    private void releaseHolds(long objectId, int count) {
        if (count <= 0) {
            throw new ProtocolException("RELEASE of " + count + " references");
        }
        HostedObject target;
        int n;
        synchronized (holds) {
            Hold h = holds.get(objectId);
            if (h == null) {
                return; // nothing held: a duplicate or late release, harmless
            }
            n = Math.min(count, h.count);
            h.count -= n;
            if (h.count == 0) {
                holds.remove(objectId);
            }
            target = h.object;
        }
        target.release(n);
    }

    int holdCount() {
        synchronized (holds) {
            return holds.size();
        }
    }

    @Override
    public void onOversizedFrame(long length) {
        refuse(
                Protocol.E_TOO_LARGE,
                "a frame of " + length + " bytes exceeds this node's limit of " + node.maxFrameBytes()
                        + " bytes; the connection is closed");
    }

    @Override
    public void onClose(Throwable cause) {
        close(cause);
    }

    private void protocolViolation(String message) {
        LOG.log(Level.WARNING, "closing " + this + ": " + message);
        refuse(Protocol.E_PROTOCOL, message);
    }

    /**
     * Tells the client why, then closes the connection.
     *
     * @param code the error code
     * @param message the explanation
     */
    void refuse(int code, String message) {
        if (closed.get()) {
            return;
        }
        Encoder enc = CodecPool.encoder().begin(node.registry(), References.NONE);
        try {
            RemoteErrors.writeNotice(enc, code, message);
            connection.send(enc.frame());
        } finally {
            CodecPool.release(enc);
        }
        close(null);
    }

    /**
     * Ends the session: closes the connection and releases everything the client held.
     *
     * @param cause why, or {@code null}
     */
    void close(Throwable cause) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        state = State.CLOSED;
        connection.close();
        List<Hold> held;
        synchronized (holds) {
            held = new ArrayList<>(holds.values());
            holds.clear();
        }
        node.closed(this);
        // objects let go of this client's waiters, locks and permits before its references go
        for (BuiltinObject o : new ArrayList<>(touched)) {
            if (touched.remove(o)) {
                try {
                    o.sessionClosed(this);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "releasing what " + this + " held in " + o + " failed", e);
                }
            }
        }
        for (Hold h : held) {
            h.object.release(h.count);
        }
    }

    boolean handshakeExpired(long now) {
        State s = state;
        return (s == State.HELLO || s == State.AUTH) && now - createdNanos > Protocol.HANDSHAKE_TIMEOUT_MS * 1_000_000L;
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public String toString() {
        return "session " + id + " (" + clientName + " at " + connection.peer() + ")";
    }

    /** References this client holds to one object. */
    private static final class Hold {
        final HostedObject object;
        int count;

        Hold(HostedObject object) {
            this.object = object;
        }
    }

    /** The references of one outgoing frame: retained while encoding, then this client's holds. */
    private final class Outgoing implements References {
        private List<HostedObject> sent;

        @Override
        public Ref refOf(Object value) {
            if (!(value instanceof HostedObject o)) {
                return null;
            }
            if (!o.retain()) {
                throw new NotSendableException(o + " was freed while its reference was being sent");
            }
            if (sent == null) {
                sent = new ArrayList<>(2);
            }
            sent.add(o);
            return new Ref(o.id(), o.typeName());
        }

        @Override
        public Object resolve(Ref ref) {
            throw new IllegalStateException("encoding only");
        }

        void finish(boolean ok) {
            if (sent == null) {
                return;
            }
            if (ok) {
                adopt(sent);
            } else {
                sent.forEach(o -> o.release(1));
            }
        }
    }
}
