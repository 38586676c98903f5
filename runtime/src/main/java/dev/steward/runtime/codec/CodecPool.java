package dev.steward.runtime.codec;

/**
 * Per-thread encoders and decoders, reused frame after frame. A stack rather than a single
 * instance, because encoding can nest (a {@link dev.steward.TypeAdapter} may call a proxy) and an
 * in-process peer may decode on the thread that is still encoding.
 */
public final class CodecPool {
    private static final ThreadLocal<Stack> STACKS = ThreadLocal.withInitial(Stack::new);

    private CodecPool() {}

    /**
     * Takes an encoder; give it back with {@link #release(Encoder)} in a {@code finally}.
     *
     * @return an encoder for this thread
     */
    public static Encoder encoder() {
        Stack s = STACKS.get();
        if (s.encoderDepth == s.encoders.length) {
            s.encoders = java.util.Arrays.copyOf(s.encoders, s.encoders.length * 2);
        }
        Encoder e = s.encoders[s.encoderDepth];
        if (e == null) {
            e = new Encoder();
            s.encoders[s.encoderDepth] = e;
        }
        s.encoderDepth++;
        return e;
    }

    /**
     * Gives an encoder back.
     *
     * @param encoder the encoder taken last on this thread
     */
    public static void release(Encoder encoder) {
        Stack s = STACKS.get();
        if (s.encoderDepth == 0 || s.encoders[s.encoderDepth - 1] != encoder) {
            throw new IllegalStateException("encoders must be released in the reverse order they were taken");
        }
        s.encoderDepth--;
    }

    /**
     * Takes a decoder; give it back with {@link #release(Decoder)} in a {@code finally}.
     *
     * @return a decoder for this thread
     */
    public static Decoder decoder() {
        Stack s = STACKS.get();
        if (s.decoderDepth == s.decoders.length) {
            s.decoders = java.util.Arrays.copyOf(s.decoders, s.decoders.length * 2);
        }
        Decoder d = s.decoders[s.decoderDepth];
        if (d == null) {
            d = new Decoder();
            s.decoders[s.decoderDepth] = d;
        }
        s.decoderDepth++;
        return d;
    }

    /**
     * Gives a decoder back.
     *
     * @param decoder the decoder taken last on this thread
     */
    public static void release(Decoder decoder) {
        Stack s = STACKS.get();
        if (s.decoderDepth == 0 || s.decoders[s.decoderDepth - 1] != decoder) {
            throw new IllegalStateException("decoders must be released in the reverse order they were taken");
        }
        s.decoderDepth--;
    }

    private static final class Stack {
        Encoder[] encoders = new Encoder[2];
        Decoder[] decoders = new Decoder[2];
        int encoderDepth;
        int decoderDepth;
    }
}
