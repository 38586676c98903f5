package dev.steward.runtime.process;

import dev.steward.ProtocolException;
import dev.steward.runtime.codec.CodecPool;
import dev.steward.runtime.codec.Decoder;
import dev.steward.runtime.codec.Encoder;
import dev.steward.runtime.codec.References;
import dev.steward.runtime.codec.TypeRegistry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.msgpack.core.MessagePacker;

/**
 * What a parent hands a spawned child through the child's standard input: the node's address and
 * auth key (never on the command line), the child's name, the types the parent registered, and the
 * arguments, encoded by the parent with its proxies as references.
 *
 * @param address the node's address
 * @param authKey the auth key
 * @param name the child's name
 * @param typeNames record and enum classes the parent registered
 * @param packages packages the parent allows
 * @param settings other settings (frame limit, transport options)
 * @param args the encoded arguments
 */
public record Bootstrap(
        String address,
        byte[] authKey,
        String name,
        List<String> typeNames,
        List<String> packages,
        Map<String, String> settings,
        byte[] args) {

    private static final int VERSION = 1;
    private static final int MAX_BYTES = 256 * 1024 * 1024;

    /**
     * Writes the bootstrap as a length-prefixed frame.
     *
     * @param out the child's standard input
     * @throws IOException if the pipe breaks
     */
    public void writeTo(OutputStream out) throws IOException {
        Encoder enc = CodecPool.encoder().begin(new TypeRegistry(Bootstrap.class.getClassLoader()), References.NONE);
        try {
            MessagePacker p = enc.packer();
            p.packArrayHeader(8);
            p.packInt(VERSION);
            p.packString(address);
            p.packBinaryHeader(authKey.length);
            p.writePayload(authKey);
            p.packString(name);
            enc.writeValue(typeNames, "type names");
            enc.writeValue(packages, "packages");
            enc.writeValue(settings, "settings");
            p.packBinaryHeader(args.length);
            p.writePayload(args);
            byte[] bytes = enc.toByteArray();
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(bytes.length);
            data.write(bytes);
            data.flush();
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Reads a bootstrap written by {@link #writeTo}.
     *
     * @param in standard input
     * @return the bootstrap
     * @throws IOException if the pipe breaks or holds no bootstrap
     */
    @SuppressWarnings("unchecked")
    public static Bootstrap readFrom(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int length = data.readInt();
        if (length <= 0 || length > MAX_BYTES) {
            throw new IOException("standard input does not start with a Steward bootstrap (length " + length + ")");
        }
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        Decoder dec = CodecPool.decoder()
                .begin(
                        ByteBuffer.wrap(bytes),
                        new TypeRegistry(Bootstrap.class.getClassLoader()),
                        References.NONE,
                        false);
        try {
            if (dec.readArrayHeader() != 8 || dec.readInt() != VERSION) {
                throw new IOException("unsupported Steward bootstrap: parent and child run different versions");
            }
            String address = dec.readString();
            byte[] key = dec.readBinary();
            String name = dec.readString();
            List<String> types = new ArrayList<>((List<String>) dec.readValue());
            List<String> packages = new ArrayList<>((List<String>) dec.readValue());
            Map<String, String> settings = (Map<String, String>) dec.readValue();
            byte[] args = dec.readBinary();
            return new Bootstrap(address, key, name, types, packages, settings, args);
        } catch (ProtocolException | ClassCastException e) {
            throw new IOException("malformed Steward bootstrap: " + e.getMessage(), e);
        } finally {
            CodecPool.release(dec);
        }
    }

    /**
     * Encodes arguments for a child.
     *
     * @param args the arguments
     * @param registry the parent's registry
     * @param references the parent's proxies
     * @return the encoded bytes
     */
    public static byte[] encodeArgs(Object[] args, TypeRegistry registry, References references) {
        Encoder enc = CodecPool.encoder().begin(registry, references);
        try {
            enc.packer().packArrayHeader(args.length);
            for (int i = 0; i < args.length; i++) {
                enc.writeValue(args[i], "argument " + i + " of the child process");
            }
            return enc.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            CodecPool.release(enc);
        }
    }

    /**
     * Decodes arguments in the child.
     *
     * @param bytes the encoded arguments
     * @param registry the child's registry
     * @param references the child's proxies, which take over each reference from the node
     * @return the arguments
     */
    public static Object[] decodeArgs(byte[] bytes, TypeRegistry registry, References references) {
        Decoder dec = CodecPool.decoder().begin(ByteBuffer.wrap(bytes), registry, references, false);
        try {
            int n = dec.readArrayHeader();
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) {
                args[i] = dec.readValue();
            }
            return args;
        } finally {
            CodecPool.release(dec);
        }
    }
}
