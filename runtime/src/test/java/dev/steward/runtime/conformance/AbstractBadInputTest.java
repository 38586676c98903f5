package dev.steward.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.AuthenticationException;
import dev.steward.Manager;
import dev.steward.ProtocolException;
import dev.steward.SharedList;
import dev.steward.UnknownMethodException;
import dev.steward.UnknownObjectException;
import dev.steward.runtime.client.ClientConnection;
import dev.steward.runtime.client.ProxySupport;
import dev.steward.runtime.protocol.Ops;
import dev.steward.runtime.protocol.Protocol;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.msgpack.value.Value;

/**
 * What a node does with input no honest client sends: each gets a clear error, and the node keeps
 * serving its other clients.
 */
public abstract class AbstractBadInputTest extends ConformanceBase {

    private static void assertStillServes(Manager node, SharedList<String> witness) {
        witness.add("still here");
        assertThat(witness.get(witness.size() - 1)).isEqualTo("still here");
        assertThat(node.nodeStatus().objects()).isPositive();
    }

    private static List<Value> assertNotice(RawClient raw, int code, String text) throws InterruptedException {
        List<Value> notice = raw.next();
        assertThat(notice.get(0).asIntegerValue().asInt())
                .as("message kind of %s", notice)
                .isEqualTo(Protocol.NOTICE);
        assertThat(notice.get(1).asIntegerValue().asInt())
                .as("code of %s", notice)
                .isEqualTo(code);
        assertThat(notice.get(2).asStringValue().asString()).contains(text);
        assertThat(raw.awaitClosed()).as("the node closes the connection").isTrue();
        return notice;
    }

    @Test
    void aWrongAuthKeyIsRejectedAndReachesNothing() throws Exception {
        Manager node = startNode();
        SharedList<String> witness = node.list();
        int objects = node.nodeStatus().objects();
        byte[] wrong = node.authKey();
        wrong[0] ^= 1;
        assertThatThrownBy(
                        () -> builder().address(node.address()).authKey(wrong).connect())
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("auth key");
        // at the raw level: the node answers a wrong proof with a notice and hangs up
        try (RawClient raw = RawClient.connect(node.address(), fixture().options())) {
            raw.send(p -> p.packArrayHeader(5)
                    .packInt(Protocol.HELLO)
                    .packString(Protocol.MAGIC)
                    .packInt(1)
                    .packInt(1)
                    .packBinaryHeader(32)
                    .writePayload(new byte[32]));
            assertThat(raw.next().get(0).asIntegerValue().asInt()).isEqualTo(Protocol.CHALLENGE);
            raw.send(p -> p.packArrayHeader(2)
                    .packInt(Protocol.AUTH)
                    .packBinaryHeader(32)
                    .writePayload(new byte[32]));
            assertNotice(raw, Protocol.E_AUTH, "auth key does not match");
        }
        // a client that skips the handshake and calls straight away reaches no object
        try (RawClient raw = RawClient.connect(node.address(), fixture().options())) {
            raw.send(p -> p.packArrayHeader(5)
                    .packInt(Protocol.CALL)
                    .packLong(1)
                    .packLong(0)
                    .packInt(Ops.Node.CREATE)
                    .packArrayHeader(1)
                    .packString(Ops.ListOps.TYPE));
            assertNotice(raw, Protocol.E_PROTOCOL, "expected HELLO");
        }
        assertThat(node.nodeStatus().objects()).isEqualTo(objects);
        assertStillServes(node, witness);
    }

    @Test
    void aClientOfAnotherProtocolVersionIsToldWhy() throws Exception {
        Manager node = startNode();
        try (RawClient raw = RawClient.connect(node.address(), fixture().options())) {
            raw.send(p -> p.packArrayHeader(5)
                    .packInt(Protocol.HELLO)
                    .packString(Protocol.MAGIC)
                    .packInt(7)
                    .packInt(9)
                    .packBinaryHeader(32)
                    .writePayload(new byte[32]));
            assertNotice(raw, Protocol.E_PROTOCOL, "versions 7 to 9");
        }
    }

    @Test
    void garbageFramesCloseOnlyTheirConnection() throws Exception {
        Manager node = startNode();
        SharedList<String> witness = node.list();
        Random random = new Random(42);
        for (int i = 0; i < 5; i++) {
            byte[] garbage = new byte[1 + random.nextInt(200)];
            random.nextBytes(garbage);
            garbage[0] = (byte) 0xc1; // never valid MessagePack
            try (RawClient raw = RawClient.connect(node.address(), fixture().options())) {
                raw.sendBytes(garbage);
                assertNotice(raw, Protocol.E_PROTOCOL, "malformed");
            }
        }
        try (RawClient raw = RawClient.authenticated(node.address(), fixture().options(), node.authKey())) {
            raw.sendBytes(new byte[] {(byte) 0x95, 0x05, (byte) 0xc1});
            assertNotice(raw, Protocol.E_PROTOCOL, "malformed");
        }
        try (RawClient raw = RawClient.authenticated(node.address(), fixture().options(), node.authKey())) {
            raw.send(p -> p.packArrayHeader(1).packInt(99));
            assertNotice(raw, Protocol.E_PROTOCOL, "unexpected message");
        }
        assertStillServes(node, witness);
    }

    @Test
    void anOversizedFrameIsRefused() throws Exception {
        Manager node = track(builder()
                .address(fixture().nodeAddress())
                .maxFrameBytes(16 * 1024)
                .start());
        SharedList<String> witness = node.list();
        try (RawClient raw = RawClient.authenticated(node.address(), fixture().options(), node.authKey())) {
            raw.sendBytes(new byte[20 * 1024]);
            assertNotice(raw, Protocol.E_TOO_LARGE, "exceeds this node's limit of 16384 bytes");
        }
        assertStillServes(node, witness);
    }

    @Test
    void unknownObjectsMethodsAndArgumentsGetErrorsAndTheConnectionStays() throws Exception {
        Manager node = startNode();
        SharedList<String> list = node.list();
        ClientConnection connection = ((ProxySupport) list).proxyHandle().connection();
        assertThatThrownBy(() -> connection.callSync(987_654, 1, "add", "x"))
                .isInstanceOf(UnknownObjectException.class)
                .hasMessageContaining("987654");
        assertThatThrownBy(() -> connection.callSync(list.objectId(), 999, "mystery"))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("999");
        assertThatThrownBy(() -> connection.callSync(list.objectId(), Ops.ListOps.GET, "get", "not an index"))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("must be an int");
        assertThatThrownBy(() -> connection.callSync(list.objectId(), Ops.ListOps.GET, "get", 1, 2))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("takes 1 argument");
        assertThatThrownBy(() -> connection.callSync(0, Ops.Node.CREATE, "create", "no.such.Type"))
                .isInstanceOf(java.util.NoSuchElementException.class)
                .hasMessageContaining("no.such.Type");
        assertThatThrownBy(() -> connection.callSync(0, Ops.Node.CREATE, "create", Ops.LockOps.TYPE, "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a boolean argument (fair)");
        // at the raw level, a call that names an unknown object gets an ERROR for its request id
        try (RawClient raw = RawClient.authenticated(node.address(), fixture().options(), node.authKey())) {
            raw.send(p -> p.packArrayHeader(5)
                    .packInt(Protocol.CALL)
                    .packLong(77)
                    .packLong(123_456)
                    .packInt(1)
                    .packArrayHeader(0));
            List<Value> error = raw.next();
            assertThat(error.get(0).asIntegerValue().asInt()).isEqualTo(Protocol.ERROR);
            assertThat(error.get(1).asIntegerValue().asLong()).isEqualTo(77);
            assertThat(error.get(2).asIntegerValue().asInt()).isEqualTo(Protocol.E_NO_OBJECT);
            // an argument that refers to an object the client does not hold
            raw.send(p -> p.packArrayHeader(5)
                    .packInt(Protocol.CALL)
                    .packLong(78)
                    .packLong(list.objectId())
                    .packInt(Ops.ListOps.ADD)
                    .packArrayHeader(1)
                    .packArrayHeader(2)
                    .packExtensionTypeHeader((byte) 69, 12)
                    .writePayload("steward.list".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .packLong(555_555));
            List<Value> badRef = raw.next();
            assertThat(badRef.get(1).asIntegerValue().asLong()).isEqualTo(78);
            assertThat(badRef.get(2).asIntegerValue().asInt()).isEqualTo(Protocol.E_NO_OBJECT);
            // the connection is still usable
            raw.send(p -> p.packArrayHeader(5)
                    .packInt(Protocol.CALL)
                    .packLong(79)
                    .packLong(0)
                    .packInt(Ops.Node.STATUS)
                    .packArrayHeader(0));
            List<Value> status = raw.next();
            assertThat(status.get(0).asIntegerValue().asInt()).isEqualTo(Protocol.RESULT);
            assertThat(status.get(1).asIntegerValue().asLong()).isEqualTo(79);
        }
        assertThat(list).isEmpty();
        assertStillServes(node, list);
    }
}
