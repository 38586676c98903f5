package dev.steward.runtime.protocol;

import dev.steward.ConnectionLostException;
import dev.steward.NotSendableException;
import dev.steward.ProtocolException;
import dev.steward.RemoteInvocationException;
import dev.steward.RemoteStackTrace;
import dev.steward.UnknownMethodException;
import dev.steward.UnknownObjectException;
import dev.steward.UnregisteredTypeException;
import dev.steward.runtime.codec.Decoder;
import dev.steward.runtime.codec.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ConcurrentModificationException;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.msgpack.core.MessagePacker;

/**
 * Encodes exceptions thrown on the node, and turns received errors into the exceptions a proxy
 * throws: well-known JDK exceptions as themselves, Steward's own failures as their {@code
 * dev.steward} types, everything else as {@link RemoteInvocationException}. In every case the
 * node's stack trace is attached as a {@link RemoteStackTrace} cause.
 */
public final class RemoteErrors {
    private static final int MAX_FRAMES = 64;
    private static final int MAX_CAUSES = 4;

    /** JDK exceptions rethrown as themselves, so shared collections keep their java.util contracts. */
    private static final Map<String, Function<String, RuntimeException>> JDK = Map.ofEntries(
            Map.entry(IndexOutOfBoundsException.class.getName(), IndexOutOfBoundsException::new),
            Map.entry(ArrayIndexOutOfBoundsException.class.getName(), ArrayIndexOutOfBoundsException::new),
            Map.entry(StringIndexOutOfBoundsException.class.getName(), StringIndexOutOfBoundsException::new),
            Map.entry(IllegalArgumentException.class.getName(), IllegalArgumentException::new),
            Map.entry(NumberFormatException.class.getName(), NumberFormatException::new),
            Map.entry(IllegalStateException.class.getName(), IllegalStateException::new),
            Map.entry(NullPointerException.class.getName(), NullPointerException::new),
            Map.entry(NoSuchElementException.class.getName(), NoSuchElementException::new),
            Map.entry(UnsupportedOperationException.class.getName(), UnsupportedOperationException::new),
            Map.entry(ClassCastException.class.getName(), ClassCastException::new),
            Map.entry(ArithmeticException.class.getName(), ArithmeticException::new),
            Map.entry(IllegalMonitorStateException.class.getName(), IllegalMonitorStateException::new),
            Map.entry(ConcurrentModificationException.class.getName(), ConcurrentModificationException::new));

    private RemoteErrors() {}

    /**
     * Writes an ERROR message.
     *
     * @param enc an encoder positioned at the start of a frame
     * @param requestId the failed request
     * @param code the error code
     * @param error what failed
     */
    public static void writeError(Encoder enc, long requestId, int code, Throwable error) {
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(7);
            p.packInt(Protocol.ERROR);
            p.packLong(requestId);
            p.packInt(code);
            writeThrowable(p, error, 0, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a NOTICE message (a connection-level error before the node closes the connection).
     *
     * @param enc an encoder positioned at the start of a frame
     * @param code the error code
     * @param message what happened
     */
    public static void writeNotice(Encoder enc, int code, String message) {
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(3);
            p.packInt(Protocol.NOTICE);
            p.packInt(code);
            p.packString(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeThrowable(MessagePacker p, Throwable t, int depth, boolean wrap) throws IOException {
        if (wrap) {
            p.packArrayHeader(4);
        }
        String type =
                t instanceof RemoteStackTrace r ? r.remoteType() : t.getClass().getName();
        p.packString(type);
        String message = t instanceof RemoteStackTrace ? null : t.getMessage();
        if (message == null) {
            p.packNil();
        } else {
            p.packString(message);
        }
        StackTraceElement[] frames = t.getStackTrace();
        int n = Math.min(frames.length, MAX_FRAMES);
        p.packArrayHeader(n);
        for (int i = 0; i < n; i++) {
            StackTraceElement f = frames[i];
            p.packArrayHeader(4);
            p.packString(f.getClassName());
            p.packString(f.getMethodName());
            if (f.getFileName() == null) {
                p.packNil();
            } else {
                p.packString(f.getFileName());
            }
            p.packInt(f.getLineNumber());
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t && depth < MAX_CAUSES) {
            writeThrowable(p, cause, depth + 1, true);
        } else {
            p.packNil();
        }
    }

    /**
     * Reads the body of an ERROR message (after its kind and request id) into the exception a
     * caller should see.
     *
     * @param dec the decoder
     * @return the exception
     */
    public static Throwable readError(Decoder dec) {
        int code = dec.readInt();
        String type = dec.readString();
        String message = dec.readString();
        RemoteStackTrace trace = readTrace(dec, type, message, 0);
        return toException(code, type, message, trace);
    }

    private static RemoteStackTrace readTrace(Decoder dec, String type, String message, int depth) {
        int n = dec.readArrayHeader();
        StackTraceElement[] frames = new StackTraceElement[Math.min(n, MAX_FRAMES)];
        for (int i = 0; i < n; i++) {
            int parts = dec.readArrayHeader();
            if (parts != 4) {
                throw new ProtocolException("malformed stack frame");
            }
            String cls = dec.readString();
            String method = dec.readString();
            String file = dec.readString();
            int line = dec.readInt();
            if (i < frames.length) {
                frames[i] = new StackTraceElement(cls, method, file, line);
            }
        }
        RemoteStackTrace cause = null;
        if (dec.unpackerNextIsNil()) {
            dec.skip();
        } else {
            if (depth >= MAX_CAUSES || dec.readArrayHeader() != 4) {
                throw new ProtocolException("malformed error cause");
            }
            String causeType = dec.readString();
            String causeMessage = dec.readString();
            cause = readTrace(dec, causeType, causeMessage, depth + 1);
        }
        return new RemoteStackTrace(type, message, frames, cause);
    }

    /**
     * Builds the exception for an error code.
     *
     * @param code the error code
     * @param type the remote exception's type name
     * @param message its message
     * @param trace the node's stack trace, or {@code null}
     * @return the exception to throw
     */
    public static Throwable toException(int code, String type, String message, RemoteStackTrace trace) {
        RuntimeException e;
        switch (code) {
            case Protocol.E_EXCEPTION:
                Function<String, RuntimeException> jdk = JDK.get(type);
                return jdk == null
                        ? new RemoteInvocationException(type, message, trace)
                        : withCause(jdk.apply(message), trace);
            case Protocol.E_NO_OBJECT:
                e = new UnknownObjectException(message);
                break;
            case Protocol.E_NO_METHOD:
                e = new UnknownMethodException(message);
                break;
            case Protocol.E_CANCELLED:
                e = new CancellationException(message);
                break;
            case Protocol.E_NOT_SENDABLE:
            case Protocol.E_TOO_LARGE:
                e = new NotSendableException(message);
                break;
            case Protocol.E_UNREGISTERED:
                e = new UnregisteredTypeException(type, message);
                break;
            case Protocol.E_CLOSING:
            case Protocol.E_LEASE:
                e = new ConnectionLostException(message);
                break;
            default:
                e = new ProtocolException(message);
        }
        return trace == null || code != Protocol.E_EXCEPTION ? e : withCause(e, trace);
    }

    private static RuntimeException withCause(RuntimeException e, RemoteStackTrace trace) {
        if (trace != null) {
            e.initCause(trace);
        }
        return e;
    }
}
