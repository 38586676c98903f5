package dev.steward.runtime.client;

import dev.steward.AuthenticationException;
import dev.steward.ConnectionLostException;
import dev.steward.NotSendableException;
import dev.steward.ProtocolException;
import dev.steward.StewardException;
import dev.steward.UnregisteredTypeException;
import dev.steward.runtime.TimingProperties;
import dev.steward.runtime.codec.CodecPool;
import dev.steward.runtime.codec.Decoder;
import dev.steward.runtime.codec.Encoder;
import dev.steward.runtime.codec.References;
import dev.steward.runtime.codec.TypeRegistry;
import dev.steward.runtime.protocol.Handshake;
import dev.steward.runtime.protocol.Protocol;
import dev.steward.runtime.protocol.RemoteErrors;
import dev.steward.spi.FrameListener;
import dev.steward.spi.TransportConfig;
import dev.steward.spi.TransportConnection;
import dev.steward.spi.TransportProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.msgpack.core.MessagePacker;

/**
 * One multiplexed, thread-safe connection from this process to a node. Every call gets a request
 * id, so any number of threads can have calls in flight at once; answers complete their futures on
 * the transport's thread, or on a thread that waits for an answer and reads them itself ({@link
 * TransportConnection#poll}, where the transport supports it). When the connection is lost, every pending call fails at once with
 * {@link ConnectionLostException} and so does every later one.
 */
public final class ClientConnection implements FrameListener {
    private static final long HANDSHAKE_TIMEOUT_MS = Protocol.HANDSHAKE_TIMEOUT_MS;
    private static final ThreadLocal<ClientConnection> DELIVERING = new ThreadLocal<>();

    private enum State {
        HANDSHAKE,
        OPEN,
        CLOSED
    }

    private final URI address;
    private final byte[] authKey;
    private final TypeRegistry registry;
    private final int localMaxFrame;
    private final String name;
    private final ProxyRegistry proxies;
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
    /** How long this connection's callers have looked for their answers lately. */
    private final LookHistory looks = new LookHistory();

    private final AtomicLong nextRequest = new AtomicLong(1);
    private final CompletableFuture<Void> handshake = new CompletableFuture<>();
    private final CompletableFuture<Void> closedFuture = new CompletableFuture<>();
    private TransportConnection transport;
    private volatile State state = State.HANDSHAKE;
    private volatile String closeReason;
    private volatile Throwable closeCause;
    private byte[] clientNonce;
    private volatile String nodeId;
    private volatile int maxFrameBytes;
    private long sessionId;
    private ScheduledFuture<?> heartbeatTask;
    private volatile boolean heard = true;
    private volatile boolean spoke;
    private long lastHeardNanos = System.nanoTime();
    private long leaseNanos;
    private long heartbeatMillis = 1000;

    private ClientConnection(URI address, byte[] authKey, ClientSettings settings) {
        this.address = address;
        this.authKey = authKey.clone();
        this.registry = settings.registry();
        this.localMaxFrame = settings.maxFrameBytes();
        this.maxFrameBytes = settings.maxFrameBytes();
        this.name = settings.name();
        this.proxies = new ProxyRegistry(this);
    }

    /**
     * Connects and authenticates.
     *
     * @param provider the transport
     * @param address the node's address
     * @param authKey the auth key
     * @param settings client settings
     * @return the open connection
     * @throws AuthenticationException if the key is wrong
     * @throws ConnectionLostException if the node cannot be reached or does not answer
     */
    public static ClientConnection open(
            TransportProvider provider, URI address, byte[] authKey, ClientSettings settings) {
        TransportConfig config = new TransportConfig(
                settings.maxFrameBytes(), Duration.ofSeconds(10), settings.name(), settings.options());
        return open(address, listener -> provider.connect(address, config, listener), authKey, settings);
    }

    /** Opens the transport connection of a client. */
    @FunctionalInterface
    public interface Connector {
        /**
         * Connects.
         *
         * @param listener the client's listener for the connection's frames
         * @return the open connection
         * @throws IOException if the node cannot be reached
         */
        TransportConnection connect(FrameListener listener) throws IOException;
    }

    /**
     * Connects through a given connector and authenticates.
     *
     * @param address the node's address, for messages
     * @param connector opens the transport connection
     * @param authKey the auth key
     * @param settings client settings
     * @return the open connection
     * @throws AuthenticationException if the key is wrong
     * @throws ConnectionLostException if the node cannot be reached or does not answer
     */
    public static ClientConnection open(URI address, Connector connector, byte[] authKey, ClientSettings settings) {
        ClientConnection c = new ClientConnection(address, authKey, settings);
        try {
            c.transport = connector.connect(c);
        } catch (IOException e) {
            throw new ConnectionLostException("cannot reach the Steward node at " + address + ": " + e.getMessage(), e);
        }
        c.hello(settings.name());
        try {
            c.handshake.get(HANDSHAKE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.shutdown("interrupted while connecting", e);
            throw new ConnectionLostException("interrupted while connecting to " + address, e);
        } catch (TimeoutException e) {
            c.shutdown("no answer to the handshake", null);
            throw new ConnectionLostException("the node at " + address + " did not answer the handshake within "
                    + HANDSHAKE_TIMEOUT_MS + " ms: is it a Steward node?");
        } catch (ExecutionException e) {
            c.shutdown("handshake failed", e.getCause());
            if (e.getCause() instanceof StewardException se) {
                se.fillInStackTrace();
                throw se;
            }
            throw new ConnectionLostException("connecting to " + address + " failed: " + e.getCause(), e.getCause());
        }
        c.startHeartbeat();
        return c;
    }

    private void hello(String clientName) {
        clientNonce = Handshake.nonce();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", clientName);
        info.put("pid", ProcessHandle.current().pid());
        info.put("jvm", ManagementFactory.getRuntimeMXBean().getName());
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(6);
            p.packInt(Protocol.HELLO);
            p.packString(Protocol.MAGIC);
            p.packInt(Protocol.VERSION_MIN);
            p.packInt(Protocol.VERSION_MAX);
            p.packBinaryHeader(clientNonce.length);
            p.writePayload(clientNonce);
            enc.writeValue(info, "client info");
            transport.send(enc.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Returns the node's address.
     *
     * @return the address this connection reached
     */
    public URI address() {
        return address;
    }

    /**
     * Returns the node's id.
     *
     * @return the id from the handshake
     */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Returns the types this JVM may receive.
     *
     * @return the registry
     */
    public TypeRegistry registry() {
        return registry;
    }

    /**
     * Returns the proxies of this connection.
     *
     * @return the registry of live proxies
     */
    public ProxyRegistry proxies() {
        return proxies;
    }

    /**
     * Tells whether the connection is closed.
     *
     * @return {@code true} once closed or lost
     */
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /**
     * Returns a future that completes when the connection closes.
     *
     * @return the future
     */
    public CompletableFuture<Void> closedFuture() {
        return closedFuture;
    }

    /**
     * Calls a method on a node object.
     *
     * @param objectId the object
     * @param method the method index
     * @param name the method's name, for error messages
     * @param args the arguments
     * @return completes with the decoded result, or fails with the remote error
     */
    public Pending call(long objectId, int method, String name, Object... args) {
        return call(false, objectId, method, name, args);
    }

    /**
     * Calls a method on a node object for a caller that waits for the answer right after, which
     * lets the transport write the call on this thread ({@link
     * TransportConnection#sendAwaitingAnswer}).
     *
     * @param objectId the object
     * @param method the method index
     * @param name the method's name, for error messages
     * @param args the arguments
     * @return completes with the decoded result, or fails with the remote error
     */
    Pending callAwaited(long objectId, int method, String name, Object... args) {
        return call(true, objectId, method, name, args);
    }

    private Pending call(boolean awaited, long objectId, int method, String name, Object... args) {
        long id = nextRequest.getAndIncrement();
        Pending f = new Pending(id, transport, looks);
        if (state != State.OPEN) {
            f.completeExceptionally(lost());
            return f;
        }
        Encoder enc = CodecPool.encoder().begin(registry, proxies);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(5);
            p.packInt(Protocol.CALL);
            p.packLong(id);
            p.packLong(objectId);
            p.packInt(method);
            p.packArrayHeader(args.length);
            for (int i = 0; i < args.length; i++) {
                enc.writeValue(
                        args[i],
                        i == 0 && args.length == 1 ? "the argument of " + name : "argument " + i + " of " + name);
            }
            ByteBuffer frame = enc.frame();
            if (frame.remaining() > maxFrameBytes) {
                throw new NotSendableException("cannot send the call to " + name + ": it encodes to "
                        + frame.remaining() + " bytes, over the frame limit of " + maxFrameBytes
                        + " bytes (Manager.builder().maxFrameBytes(...) raises it on both sides)");
            }
            pending.put(id, f);
            if (!(awaited ? transport.sendAwaitingAnswer(frame) : transport.send(frame))) {
                pending.remove(id);
                f.completeExceptionally(lost());
            } else {
                spoke = true;
                if (state == State.CLOSED && pending.remove(id) != null) {
                    f.completeExceptionally(lost());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
        return f;
    }

    /**
     * Calls a method and waits for the answer.
     *
     * @param objectId the object
     * @param method the method index
     * @param name the method's name, for error messages
     * @param args the arguments
     * @return the decoded result
     */
    public Object callSync(long objectId, int method, String name, Object... args) {
        refuseWhileDelivering(name);
        return await(callAwaited(objectId, method, name, args));
    }

    /**
     * Refuses a call that would wait for an answer on a thread that is delivering this
     * connection's frames (a callback of an asynchronous call): the answer could only come through
     * that very thread.
     *
     * @param name the method's name, for the message
     * @throws IllegalStateException on such a thread
     */
    public void refuseWhileDelivering(String name) {
        if (DELIVERING.get() == this) {
            throw new IllegalStateException("a synchronous call to " + name + " from a callback of an asynchronous"
                    + " Steward call would deadlock the connection's I/O thread; use the async form, or a *Async"
                    + " stage of CompletableFuture with your own executor");
        }
    }

    /**
     * Waits for a call's future without being interruptible, and rethrows its failure with the
     * caller's stack trace.
     *
     * @param f the future
     * @return its value
     */
    public static Object await(CompletableFuture<Object> f) {
        spinBriefly(f);
        waitReading(f);
        return join(f);
    }

    /**
     * Waits for a call's future without being interruptible and without looking for the answer
     * first, and rethrows its failure with the caller's stack trace.
     *
     * @param f the future
     * @return its value
     */
    static Object join(CompletableFuture<Object> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * How long a synchronous caller polls for its answer before it parks, in nanoseconds. Most
     * answers on one host arrive within tens of microseconds; seeing the answer while still
     * running saves the thread a park and a wake-up, which cost about as much as the round trip
     * itself. Polling yields the processor, so other threads (the transport's among them) run.
     * Set with {@code -Dsteward.client.spinMicros=N}, 0 to 10,000 (0 turns it off).
     */
    static final long SPIN_NANOS =
            TimeUnit.MICROSECONDS.toNanos(TimingProperties.micros("steward.client.spinMicros", 50, 10_000));

    /**
     * Polls for a call's answer for up to {@code steward.client.spinMicros} before the caller
     * parks, reading it on this thread where the transport can: in a busy spin of as many looks
     * as the transport says first ({@link TransportConnection#busyPolls}: about one of its round
     * trips), then yielding the processor between looks. Does not look at all, but for one call in
     * eight, while this connection's looks have lately lasted longer than a wake-up by the kernel
     * where the transport sleeps in the kernel ({@link LookHistory}). Returns early, with the
     * thread's interrupt status untouched, if the thread is interrupted, so that an interruptible
     * wait that follows sees the interrupt at once.
     *
     * @param f the call's future
     */
    static void spinBriefly(CompletableFuture<Object> f) {
        if (SPIN_NANOS <= 0 || f.isDone()) {
            return;
        }
        // read the answer on this thread if the transport can: no hand-over from its thread
        Pending p = f instanceof Pending pending ? pending : null;
        LookHistory history = p != null && p.transport.sleepsUntilReadable() ? p.looks : null;
        if (history != null && !history.worthLooking()) {
            return; // looks have been long lately: sleep on the connection at once
        }
        long start = System.nanoTime();
        look(f, p == null ? null : p.transport, start + SPIN_NANOS);
        if (history != null) {
            history.record(System.nanoTime() - start);
        }
    }

    private static void look(CompletableFuture<Object> f, TransportConnection reader, long deadline) {
        int busySpins = reader == null ? TransportConnection.DEFAULT_BUSY_POLLS : reader.busyPolls();
        for (int i = 0; !f.isDone() && !Thread.currentThread().isInterrupted(); i++) {
            boolean delivered = reader != null && reader.poll();
            if (i >= busySpins && System.nanoTime() - deadline > 0) {
                return;
            }
            if (delivered) {
                continue;
            } else if (i < busySpins) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    /**
     * Waits for a call's answer on the connection, and reads it on this thread, where the
     * transport can ({@link TransportConnection#awaitReadable}: asleep in the kernel on a socket,
     * or reading on, yielding, on shared memory): the answer then costs at most one wake-up, this
     * thread's, rather than one of the transport's thread and another when it hands the answer
     * over. Returns when the answer is in, at once where the transport cannot wait this way (or
     * when it stops), and with the interrupt status untouched when the thread is interrupted; the
     * caller then waits on the future as usual.
     *
     * @param f the call's future
     */
    static void waitReading(CompletableFuture<Object> f) {
        TransportConnection reader = f instanceof Pending p ? p.transport : null;
        if (reader == null) {
            return;
        }
        while (!f.isDone() && !Thread.currentThread().isInterrupted()) {
            if (reader.poll() || f.isDone()) {
                continue;
            }
            if (!reader.awaitReadable(f, MAX_READING_WAIT_NANOS)) {
                return;
            }
        }
    }

    /** How long one {@link TransportConnection#awaitReadable} lasts before the future is checked again. */
    private static final long MAX_READING_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * Prepares a remote failure to be thrown in the calling thread.
     *
     * @param cause the failure
     * @return the exception to throw
     */
    public static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException re) {
            re.fillInStackTrace();
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new StewardException("the call failed: " + cause, cause);
    }

    /**
     * Tells the node that this process let go of references.
     *
     * @param objectId the object
     * @param count how many references
     */
    void release(long objectId, int count) {
        if (state != State.OPEN) {
            return; // the node releases everything of a closed connection by itself
        }
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            enc.packer()
                    .packArrayHeader(3)
                    .packInt(Protocol.RELEASE)
                    .packLong(objectId)
                    .packInt(count);
            transport.send(enc.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Asks the node to cancel a call that waits there.
     *
     * @param requestId the call
     */
    public void cancel(long requestId) {
        if (state != State.OPEN) {
            return;
        }
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            enc.packer().packArrayHeader(2).packInt(Protocol.CANCEL).packLong(requestId);
            transport.send(enc.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    @Override
    public void onFrame(ByteBuffer frame) {
        heard = true;
        DELIVERING.set(this);
        Decoder dec = CodecPool.decoder().begin(frame, registry, proxies, false);
        try {
            int parts = dec.readArrayHeader();
            int kind = dec.readInt();
            switch (kind) {
                case Protocol.RESULT:
                    onResult(dec);
                    break;
                case Protocol.ERROR: {
                    Pending f = pending.remove(dec.readLong());
                    Throwable error = RemoteErrors.readError(dec);
                    if (f != null) {
                        f.completeExceptionally(error);
                    }
                    break;
                }
                case Protocol.PING:
                    break;
                case Protocol.NOTICE:
                    onNotice(dec.readInt(), dec.readString());
                    break;
                case Protocol.CHALLENGE:
                    onChallenge(dec, parts);
                    break;
                case Protocol.WELCOME:
                    onWelcome(dec);
                    break;
                default:
                    throw new ProtocolException("unexpected message " + Protocol.kindName(kind) + " from the node");
            }
        } catch (ProtocolException e) {
            shutdown("the node sent a malformed frame: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            shutdown("handling a frame from the node failed: " + e, e);
        } finally {
            CodecPool.release(dec);
            DELIVERING.remove();
        }
    }

    private void onResult(Decoder dec) {
        long id = dec.readLong();
        Pending f = pending.remove(id);
        Object value;
        try {
            value = dec.readValue();
        } catch (UnregisteredTypeException | ProtocolException e) {
            if (f != null) {
                f.completeExceptionally(e);
            }
            return;
        }
        if (f != null) {
            f.complete(value);
        }
    }

    private void onChallenge(Decoder dec, int parts) {
        if (state != State.HANDSHAKE || parts != 5) {
            throw new ProtocolException("unexpected CHALLENGE");
        }
        dec.readInt(); // the version the node chose; only version 1 exists
        byte[] nodeNonce = dec.readBinary();
        byte[] nodeProof = dec.readBinary();
        nodeId = dec.readString();
        if (!Handshake.matches(Handshake.nodeProof(authKey, clientNonce, nodeNonce), nodeProof)) {
            handshake.completeExceptionally(new AuthenticationException("the node at " + address
                    + " failed to prove it holds the auth key: the keys differ, or it is not the node you expect"));
            return;
        }
        byte[] proof = Handshake.clientProof(authKey, nodeNonce, clientNonce);
        Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(2);
            p.packInt(Protocol.AUTH);
            p.packBinaryHeader(proof.length);
            p.writePayload(proof);
            transport.send(enc.frame());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    private void onWelcome(Decoder dec) {
        if (state != State.HANDSHAKE) {
            throw new ProtocolException("unexpected WELCOME");
        }
        sessionId = dec.readLong();
        maxFrameBytes = Math.min(localMaxFrame, dec.readInt());
        long heartbeatMs = dec.readLong();
        long leaseMs = dec.readLong();
        heartbeatMillis = Math.max(10, heartbeatMs);
        leaseNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(leaseMs, heartbeatMillis * 2));
        state = State.OPEN;
        handshake.complete(null);
    }

    private void onNotice(int code, String message) {
        String text = "the node at " + address + " closed the connection: " + message;
        if (state == State.HANDSHAKE) {
            handshake.completeExceptionally(
                    code == Protocol.E_AUTH ? new AuthenticationException(text) : new ConnectionLostException(text));
        }
        shutdown(text, null);
    }

    private void startHeartbeat() {
        long tick = Math.max(10, Math.min(250, heartbeatMillis / 2));
        heartbeatTask = ClientTimer.get().scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (state != State.OPEN) {
            return;
        }
        long now = System.nanoTime();
        if (heard) {
            heard = false;
            lastHeardNanos = now;
        } else if (now - lastHeardNanos > leaseNanos) {
            shutdown(
                    "no word from the node at " + address + " for longer than its lease ("
                            + TimeUnit.NANOSECONDS.toMillis(leaseNanos) + " ms)",
                    null);
            return;
        }
        if (!spoke) {
            Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
            try {
                enc.packer().packArrayHeader(1).packInt(Protocol.PING);
                transport.send(enc.frame());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                CodecPool.release(enc);
            }
        }
        spoke = false;
    }

    @Override
    public void onOversizedFrame(long length) {
        shutdown("the node sent a frame of " + length + " bytes, over this client's limit of " + localMaxFrame, null);
    }

    @Override
    public void onClose(Throwable cause) {
        shutdown(
                "the connection to the node at " + address + " was lost"
                        + (cause == null ? "" : ": " + cause.getMessage()),
                cause);
    }

    /** Closes the connection from this side, telling the node first. */
    public void close() {
        if (state == State.OPEN) {
            Encoder enc = CodecPool.encoder().begin(registry, References.NONE);
            try {
                enc.packer().packArrayHeader(1).packInt(Protocol.BYE);
                transport.send(enc.frame());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                CodecPool.release(enc);
            }
        }
        shutdown("this connection to " + address + " was closed", null);
    }

    private void shutdown(String reason, Throwable cause) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            closeReason = reason;
            closeCause = cause;
            state = State.CLOSED;
        }
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
        }
        if (transport != null) {
            transport.close();
        }
        handshake.completeExceptionally(lost());
        List<Pending> failed = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending f : failed) {
            f.completeExceptionally(lost());
        }
        closedFuture.complete(null);
    }

    private ConnectionLostException lost() {
        String reason = closeReason;
        return new ConnectionLostException(reason == null ? "not connected to " + address : reason, closeCause);
    }

    /**
     * Counts the calls waiting for an answer.
     *
     * @return the count
     */
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public String toString() {
        return "connection " + sessionId + " to " + address;
    }

    /** The future of one call, which knows its request id (to cancel a call that waits on the node). */
    public static final class Pending extends CompletableFuture<Object> {
        private final long requestId;
        /** Where the answer comes from, for {@link TransportConnection#poll}. */
        private final TransportConnection transport;

        /** How long the connection's callers have looked for their answers lately. */
        private final LookHistory looks;

        Pending(long requestId, TransportConnection transport, LookHistory looks) {
            this.requestId = requestId;
            this.transport = transport;
            this.looks = looks;
        }

        /**
         * Returns the request id.
         *
         * @return the id
         */
        public long requestId() {
            return requestId;
        }
    }
}
