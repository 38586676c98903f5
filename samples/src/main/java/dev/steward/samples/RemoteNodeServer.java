package dev.steward.samples;

import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedQueue;

/**
 * A standalone manager node that serves until it is stopped, like Python's
 *
 * <pre>
 * m = BaseManager(address=('', 50000), authkey=key)   # with a queue registered as 'get_queue'
 * m.get_server().serve_forever()
 * </pre>
 *
 * <p>It listens on the address given as the first argument (default {@value #DEFAULT_ADDRESS}), with
 * the auth key from the {@code STEWARD_AUTHKEY} environment variable (hex or base64; never on the
 * command line, where {@code ps} would show it). It publishes a queue as {@value #QUEUE} and a list
 * as {@value #GUESTBOOK}, prints {@code serving <address>} once clients can connect, and stops on
 * Ctrl-C or SIGTERM. {@link RemoteClient} is its client; {@code docs/samples.md} walks through
 * running both in two terminals.
 */
public final class RemoteNodeServer {
    /** Where the node listens unless told otherwise. */
    public static final String DEFAULT_ADDRESS = "tcp://127.0.0.1:50000";

    /** The published queue's name. */
    public static final String QUEUE = "messages";

    /** The published list's name: every client signs it. */
    public static final String GUESTBOOK = "guestbook";

    private RemoteNodeServer() {}

    /**
     * Serves until stopped.
     *
     * @param args the address to listen on, such as {@code tcp://0.0.0.0:50000} (port 0 picks a free
     *     port; the printed address says which)
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        String address = args.length > 0 ? args[0] : DEFAULT_ADDRESS;
        byte[] key;
        try {
            key = AuthKeys.fromEnvironment();
        } catch (IllegalStateException e) {
            System.err.println("remote-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        Manager manager = Manager.builder()
                .address(address)
                .authKey(key)
                .name("remote-server")
                .start();
        // Ctrl-C and SIGTERM run shutdown hooks: close the node, which disconnects every client
        Runtime.getRuntime().addShutdownHook(new Thread(manager::close, "remote-server-shutdown"));

        SharedQueue<String> messages = manager.queue();
        manager.publish(QUEUE, messages); // the name now holds a reference: the queue lives on
        SharedList<String> guestbook = manager.list();
        manager.publish(GUESTBOOK, guestbook);

        System.out.println("serving " + manager.address() + " (publishes '" + QUEUE + "' and '" + GUESTBOOK
                + "'; Ctrl-C stops it)");
        System.out.flush();
        manager.awaitClose(); // serve_forever()
        System.out.println("stopped");
    }
}
