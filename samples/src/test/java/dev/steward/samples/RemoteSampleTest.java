package dev.steward.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.AuthenticationException;
import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedQueue;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RemoteSampleTest extends SampleTestBase {
    @Test
    void aClientJvmPutsAndThisJvmTakesFromAStandaloneNode() throws Exception {
        RemoteSample.Result result = RemoteSample.run(children);

        assertThat(result.address()).startsWith("tcp://127.0.0.1:");
        assertThat(result.taken()).containsExactly("one", "two", "three");
        assertThat(result.guestbook()).hasSize(2).allMatch(s -> s.startsWith("client pid "));
        assertThat(result.guestbook().get(1))
                .isEqualTo("client pid " + ProcessHandle.current().pid());
        assertThat(result.wrongKeyRefused()).isTrue();
        assertThat(result.serverExit())
                .as("killed by SIGTERM, after its shutdown hook")
                .isIn(0, 143);
        assertThat(outLines())
                .contains("[client] Put: one", "[client] Put: three", "Took: one", "Took: three")
                .anyMatch(l -> l.startsWith("[server] serving " + result.address()));
    }

    /** The two halves as docs/samples.md runs them: each a plain JVM, the key only in the environment. */
    @Test
    void theServerAndClientMainsWorkAsSeparateJvms() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of(AuthKeys.VARIABLE, HexFormat.of().formatHex(key));
        Process server = children.java(RemoteNodeServer.class, env, "tcp://127.0.0.1:0");
        EchoedOutput serverOut = EchoedOutput.of(server, "[server] ");
        String address = serverOut.await("serving ", Duration.ofSeconds(60)).split(" ")[1];

        Process putter = children.java(RemoteClient.class, env, address, "put", "hello", "world");
        EchoedOutput.of(putter, "[putter] ").awaitEnd(Duration.ofSeconds(60));
        assertThat(putter.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(putter.exitValue()).isZero();

        Process taker = children.java(RemoteClient.class, env, address, "take", "2");
        EchoedOutput.of(taker, "[taker] ").awaitEnd(Duration.ofSeconds(60));
        assertThat(taker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(taker.exitValue()).isZero();
        assertThat(outLines()).contains("[putter] Put: hello", "[taker] Took: hello", "[taker] Took: world");

        try (Manager client = Manager.connect(address, key)) {
            @SuppressWarnings("unchecked")
            SharedQueue<String> messages = client.lookup(RemoteNodeServer.QUEUE, SharedQueue.class);
            @SuppressWarnings("unchecked")
            SharedList<String> guestbook = client.lookup(RemoteNodeServer.GUESTBOOK, SharedList.class);
            assertThat(messages).isEmpty();
            assertThat(guestbook).containsExactly("client pid " + putter.pid(), "client pid " + taker.pid());
        }
        byte[] wrong = key.clone();
        wrong[31] ^= 0x40;
        assertThatThrownBy(() -> Manager.connect(address, wrong)).isInstanceOf(AuthenticationException.class);

        // a client without a key in its environment says what to do
        Process keyless = children.java(RemoteClient.class, Map.of(AuthKeys.VARIABLE, ""), address);
        EchoedOutput.of(keyless, "[keyless] ").awaitEnd(Duration.ofSeconds(60));
        assertThat(keyless.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keyless.exitValue()).isNotZero();
        assertThat(out()).contains("set the auth key in the STEWARD_AUTHKEY environment variable");

        server.destroy();
        assertThat(server.waitFor(30, TimeUnit.SECONDS))
                .as("the server stops on SIGTERM")
                .isTrue();
    }

    @Test
    void keysAreReadAsHexOrBase64() {
        assertThat(AuthKeys.decode("00ff10")).containsExactly(0x00, 0xff, 0x10);
        assertThat(AuthKeys.decode("AP8Q")).containsExactly(0x00, 0xff, 0x10);
        assertThat(List.of(AuthKeys.decode("abcd"))).hasSize(1); // even-length hex wins over base64
        assertThat(AuthKeys.decode("abcd")).containsExactly(0xab, 0xcd);
    }
}
