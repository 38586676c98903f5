package dev.steward.samples;

import dev.steward.AuthenticationException;
import dev.steward.Manager;
import dev.steward.SharedList;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Both halves of the remote-manager sample in one go, as {@code docs/samples.md} runs them in two
 * terminals: a {@link RemoteNodeServer} in its own JVM on a free port with a fresh auth key; a
 * {@link RemoteClient} in another JVM that puts three messages; this JVM connecting as a client
 * that takes them; a wrong key refused; then the server stopped with SIGTERM, as Ctrl-C would.
 */
final class RemoteSample implements Sample {
    @Override
    public String name() {
        return "remote";
    }

    @Override
    public String description() {
        return "a standalone node in one JVM, clients connecting by address and auth key from others";
    }

    /**
     * What the clients saw.
     *
     * @param address the server's address
     * @param taken the messages this JVM took
     * @param guestbook the clients that signed the guestbook
     * @param wrongKeyRefused whether a client with a wrong key was refused
     * @param serverExit the server's exit code after SIGTERM
     */
    record Result(
            String address, List<String> taken, List<String> guestbook, boolean wrongKeyRefused, int serverExit) {}

    @Override
    public void run(Children children, List<String> args) throws Exception {
        run(children);
    }

    static Result run(Children children) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // the key travels in the environment, never on a command line
        Map<String, String> env = Map.of(AuthKeys.VARIABLE, HexFormat.of().formatHex(key));

        Process server = children.java(RemoteNodeServer.class, env, "tcp://127.0.0.1:0");
        EchoedOutput serverOutput = EchoedOutput.of(server, "[server] ");
        try {
            String address =
                    serverOutput.await("serving ", Duration.ofSeconds(60)).split(" ")[1];

            System.out.println("Starting a client JVM that puts three messages");
            Process putter = children.java(RemoteClient.class, env, address, "put", "one", "two", "three");
            EchoedOutput putterOutput = EchoedOutput.of(putter, "[client] ");
            if (!putter.waitFor(60, TimeUnit.SECONDS) || putter.exitValue() != 0) {
                throw new IllegalStateException("the client JVM failed");
            }
            putterOutput.awaitEnd(Duration.ofSeconds(10));

            System.out.println("This JVM connects as another client, and takes them:");
            List<String> taken = RemoteClient.run(address, key, List.of("take", "3"));

            boolean refused = false;
            byte[] wrongKey = key.clone();
            wrongKey[0] ^= 1;
            try (Manager intruder = Manager.connect(address, wrongKey)) {
                System.out.println("A wrong key was accepted?! " + intruder.address());
            } catch (AuthenticationException e) {
                refused = true;
                System.out.println("A client with a wrong key is refused: " + e.getMessage());
            }

            List<String> guestbook;
            try (Manager manager = Manager.connect(address, key)) {
                @SuppressWarnings("unchecked")
                SharedList<String> book = manager.lookup(RemoteNodeServer.GUESTBOOK, SharedList.class);
                guestbook = book.snapshot();
                System.out.println("Guestbook: " + guestbook);
            }

            System.out.println("Stopping the server (SIGTERM, as Ctrl-C)");
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not stop on SIGTERM");
            }
            serverOutput.awaitEnd(Duration.ofSeconds(10));
            return new Result(address, taken, guestbook, refused, server.exitValue());
        } finally {
            server.destroyForcibly(); // a no-op once it has stopped
        }
    }
}
