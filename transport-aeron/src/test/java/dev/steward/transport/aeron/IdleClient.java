package dev.steward.transport.aeron;

import dev.steward.Manager;
import dev.steward.SharedLong;
import java.util.HexFormat;

/**
 * A client JVM that connects, makes one call, says so, and then does nothing until its standard
 * input closes: what {@link IdleCpuTest} measures.
 */
public final class IdleClient {
    private IdleClient() {}

    /**
     * Runs the client.
     *
     * @param args the node's address, then {@code key=value} options
     * @throws Exception if it cannot connect
     */
    public static void main(String[] args) throws Exception {
        Manager.Builder builder =
                Manager.builder().address(args[0]).authKey(HexFormat.of().parseHex(System.getenv("STEWARD_AUTHKEY")));
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            builder.option(kv[0], kv[1]);
        }
        try (Manager manager = builder.connect()) {
            SharedLong counter = manager.lookup("counter", SharedLong.class);
            counter.incrementAndGet();
            System.out.println("connected");
            System.out.flush();
            while (System.in.read() >= 0) {
                // idle until the test closes our input
            }
        }
    }
}
