package dev.steward.samples;

import dev.steward.Manager;
import dev.steward.SharedList;
import dev.steward.SharedQueue;
import dev.steward.StewardException;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of {@link RemoteNodeServer}: it connects by address and auth key, like Python's
 *
 * <pre>
 * m = BaseManager(address=('127.0.0.1', 50000), authkey=key); m.connect()
 * queue = m.get_queue()
 * </pre>
 *
 * <p>then finds the server's objects by name, signs the guestbook and puts or takes messages:
 *
 * <pre>
 * RemoteClient ADDRESS put MESSAGE...   puts each message on the queue
 * RemoteClient ADDRESS take N           takes N messages, waiting for each
 * </pre>
 *
 * <p>The auth key comes from the {@code STEWARD_AUTHKEY} environment variable (hex or base64).
 */
public final class RemoteClient {
    private RemoteClient() {}

    /**
     * Connects, and puts or takes.
     *
     * @param args the address, then {@code put MESSAGE...} or {@code take N} (default: {@code put
     *     "hello from pid ..."})
     * @throws InterruptedException if interrupted while taking
     */
    public static void main(String[] args) throws InterruptedException {
        String address = args.length > 0 ? args[0] : RemoteNodeServer.DEFAULT_ADDRESS;
        List<String> command = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        try {
            run(address, AuthKeys.fromEnvironment(), command);
        } catch (IllegalStateException | IllegalArgumentException | StewardException e) {
            // no key, a bad command, a wrong key, or no node at that address
            System.err.println("remote-client: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Does the client's work.
     *
     * @param address the server's address
     * @param authKey its auth key
     * @param command {@code put MESSAGE...} or {@code take N}
     * @return the messages taken (empty for {@code put})
     * @throws InterruptedException if interrupted while taking
     */
    static List<String> run(String address, byte[] authKey, List<String> command) throws InterruptedException {
        String me = "client pid " + ProcessHandle.current().pid();
        try (Manager manager = Manager.connect(address, authKey)) { // m.connect()
            @SuppressWarnings("unchecked")
            SharedQueue<String> messages = manager.lookup(RemoteNodeServer.QUEUE, SharedQueue.class);
            @SuppressWarnings("unchecked")
            SharedList<String> guestbook = manager.lookup(RemoteNodeServer.GUESTBOOK, SharedList.class);
            guestbook.add(me);
            System.out.println(me + " connected to " + manager.address() + "; guestbook: " + guestbook);

            String verb = command.isEmpty() ? "put" : command.get(0);
            List<String> rest = command.isEmpty() ? List.of("hello from " + me) : command.subList(1, command.size());
            List<String> taken = new ArrayList<>();
            switch (verb) {
                case "put":
                    for (String message : rest) {
                        messages.put(message);
                        System.out.println("Put: " + message);
                    }
                    break;
                case "take":
                    int n = rest.isEmpty() ? 1 : Integer.parseInt(rest.get(0));
                    for (int i = 0; i < n; i++) {
                        String message = messages.take(); // waits on the node for a message
                        taken.add(message);
                        System.out.println("Took: " + message);
                    }
                    break;
                default:
                    throw new IllegalArgumentException("usage: RemoteClient ADDRESS [put MESSAGE... | take N]");
            }
            return taken;
        }
    }
}
