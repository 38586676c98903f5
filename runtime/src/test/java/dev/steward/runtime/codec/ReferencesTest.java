package dev.steward.runtime.codec;

import static dev.steward.runtime.codec.CodecTestSupport.decode;
import static dev.steward.runtime.codec.CodecTestSupport.encode;
import static dev.steward.runtime.codec.CodecTestSupport.newRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.NotSendableException;
import dev.steward.ProtocolException;
import dev.steward.runtime.codec.Fixtures.Boxed;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Shared objects travel as references and come back through the receiving side's resolve(). */
class ReferencesTest {

    /** A shared object: not sendable by value. */
    static final class SharedThing {
        final String name;

        SharedThing(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return "SharedThing(" + name + ")";
        }
    }

    /** A proxy that is also a List: must travel as a reference, not as its elements. */
    static final class SharedListProxy extends AbstractList<Object> {
        @Override
        public Object get(int index) {
            throw new AssertionError("a shared list must not be read element by element");
        }

        @Override
        public int size() {
            return 3;
        }
    }

    record Holder(SharedThing thing, int count) {}

    /** Maps registered objects to refs on the way out; on the way in, resolves refs to local objects. */
    static final class TableReferences implements References {
        final Map<Object, Ref> outbound = new IdentityHashMap<>();
        final Map<Ref, Object> inbound = new LinkedHashMap<>();
        final List<Ref> resolved = new ArrayList<>();
        int refOfCalls;

        Ref share(Object o, long id, String typeName) {
            Ref ref = new Ref(id, typeName);
            outbound.put(o, ref);
            return ref;
        }

        @Override
        public Ref refOf(Object value) {
            refOfCalls++;
            return outbound.get(value);
        }

        @Override
        public Object resolve(Ref ref) {
            resolved.add(ref);
            Object local = inbound.get(ref);
            return local != null ? local : ref;
        }
    }

    @Test
    void sharedObjectTravelsAsAReferenceAndTheReceiverResolvesAnEqualRef() {
        TypeRegistry registry = newRegistry();
        TableReferences refs = new TableReferences();
        SharedThing thing = new SharedThing("a");
        refs.share(thing, 42, "steward.SharedThing");

        byte[] frame = encode(thing, registry, refs);
        Object back = decode(frame, registry, refs, false);

        assertThat(refs.resolved).containsExactly(new Ref(42, "steward.SharedThing"));
        assertThat(back).isEqualTo(new Ref(42, "steward.SharedThing"));
    }

    @Test
    void extremeObjectIdsSurvive() {
        TypeRegistry registry = newRegistry();
        for (long id : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40}) {
            TableReferences refs = new TableReferences();
            SharedThing thing = new SharedThing("x");
            refs.share(thing, id, "t");

            decode(encode(thing, registry, refs), registry, refs, false);

            assertThat(refs.resolved).containsExactly(new Ref(id, "t"));
        }
    }

    @Test
    void referencesNestedInListsMapsSetsArraysAndRecordsRoundTrip() {
        TypeRegistry registry = newRegistry();
        TableReferences sender = new TableReferences();
        SharedThing a = new SharedThing("a");
        SharedThing b = new SharedThing("b");
        Ref refA = sender.share(a, 1, "thing");
        Ref refB = sender.share(b, 2, "thing");
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(a, b);
        map.put("k", List.of(b));
        List<Object> value = List.of(
                a,
                List.of(1, List.of(b)),
                map,
                new LinkedHashSet<>(List.of(a, b)),
                new Object[] {b},
                new Boxed(a),
                new Holder(b, 3));

        TableReferences receiver = new TableReferences();
        SharedThing localA = new SharedThing("local a");
        SharedThing localB = new SharedThing("local b");
        receiver.inbound.put(refA, localA);
        receiver.inbound.put(refB, localB);
        List<?> back = (List<?>) decode(encode(value, registry, sender), registry, receiver, false);

        assertThat(back.get(0)).isSameAs(localA);
        assertThat(back.get(1)).isEqualTo(List.of(1, List.of(localB)));
        Map<?, ?> mapBack = (Map<?, ?>) back.get(2);
        assertThat(mapBack.get(localA)).isSameAs(localB);
        assertThat(mapBack.get("k")).isEqualTo(List.of(localB));
        assertThat(new ArrayList<Object>((Set<?>) back.get(3))).containsExactly(localA, localB);
        assertThat((Object[]) back.get(4)).containsExactly(localB);
        assertThat(back.get(5)).isEqualTo(new Boxed(localA));
        assertThat(back.get(6)).isEqualTo(new Holder(localB, 3));
        assertThat(receiver.resolved).containsOnly(refA, refB).hasSize(10);
    }

    @Test
    void sharedObjectThatIsAListTravelsAsAReferenceNotAsItsElements() {
        TypeRegistry registry = newRegistry();
        TableReferences refs = new TableReferences();
        SharedListProxy proxy = new SharedListProxy();
        refs.share(proxy, 7, "list");

        Object back = decode(encode(List.of(proxy), registry, refs), registry, refs, false);

        assertThat(back).isEqualTo(List.of(new Ref(7, "list")));
    }

    @Test
    void sharedObjectWithoutReferencesIsNotSendable() {
        Encoder enc = CodecPool.encoder().begin(newRegistry(), References.NONE);
        try {
            assertThatThrownBy(() -> enc.writeValue(List.of(new SharedThing("a")), "argument 0"))
                    .isInstanceOf(NotSendableException.class)
                    .hasMessageContaining("argument 0 -> element 0")
                    .hasMessageContaining(SharedThing.class.getName());
        } finally {
            enc.size(); // flush the failed frame (see NotSendableTest's encoder-reuse bug)
            CodecPool.release(enc);
        }
    }

    @Test
    void refOfMayRefuseASharedObjectWithNotSendableException() {
        References refusing = new References() {
            @Override
            public Ref refOf(Object value) {
                if (value instanceof SharedThing) {
                    throw new NotSendableException("SharedThing of another node cannot travel here");
                }
                return null;
            }

            @Override
            public Object resolve(Ref ref) {
                return ref;
            }
        };
        Encoder enc = CodecPool.encoder().begin(newRegistry(), refusing);
        try {
            assertThatThrownBy(() -> enc.writeValue(List.of(new SharedThing("a")), "argument 0"))
                    .isInstanceOf(NotSendableException.class)
                    .hasMessageContaining("cannot travel here");
        } finally {
            enc.size();
            CodecPool.release(enc);
        }
    }

    @Test
    void receivedReferenceWithoutReferencesSupportIsAProtocolError() {
        TypeRegistry registry = newRegistry();
        TableReferences refs = new TableReferences();
        SharedThing thing = new SharedThing("a");
        refs.share(thing, 5, "thing");
        byte[] frame = encode(List.of(thing), registry, refs);

        assertThatThrownBy(() -> decode(frame, registry))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("reference");
    }

    @Test
    void referenceInsideAnUnknownRecordSurvivesOpaqueModeAndReEncodingUnchanged() {
        TypeRegistry registry = newRegistry();
        TableReferences sender = new TableReferences();
        SharedThing thing = new SharedThing("a");
        Ref ref = sender.share(thing, 9, "thing");
        byte[] frame = encode(new Boxed(thing), registry, sender);

        // the node keeps the record opaque and maps the reference to its own handle (here: the Ref)
        TableReferences node = new TableReferences();
        Object held = decode(frame, newRegistry(), node, true);
        assertThat(held).isInstanceOf(OpaqueValue.class);
        assertThat(((OpaqueValue) held).parts()).containsExactly(ref);

        // sending it back, the node turns its handle into the same reference
        References nodeOut = new References() {
            @Override
            public Ref refOf(Object value) {
                return value instanceof Ref r ? r : null;
            }

            @Override
            public Object resolve(Ref r) {
                return r;
            }
        };
        byte[] again = encode(held, newRegistry(), nodeOut);
        assertThat(again).isEqualTo(frame);

        TableReferences client = new TableReferences();
        client.inbound.put(ref, thing);
        assertThat(decode(again, registry, client, false)).isEqualTo(new Boxed(thing));
    }

    @Test
    void referencesAreAskedAboutCompositeValuesOnly() {
        TypeRegistry registry = newRegistry();
        TableReferences refs = new TableReferences();

        encode(List.of("s", 1, 2L, true, 1.0, new byte[1]), registry, refs);

        assertThat(refs.refOfCalls).as("only the list itself is looked up").isEqualTo(1);
    }
}
