package dev.steward.runtime;

import dev.steward.Manager;
import dev.steward.SharedObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A standalone node that serves until it is stopped (Python's {@code get_server().serve_forever()}).
 *
 * <pre>
 * java --add-opens java.base/jdk.internal.misc=ALL-UNNAMED -cp ... dev.steward.runtime.Serve \
 *     --address tcp://0.0.0.0:50000 --authkey-file node.key --publish queue=list --publish stats=namespace
 * </pre>
 *
 * <p>The auth key comes from {@code --authkey-file} (its bytes; a hex or base64 text file works
 * too), or the {@code STEWARD_AUTHKEY} environment variable (hex or base64). It is never taken from
 * the command line. {@code --publish name=type} creates a shared object of a built-in type ({@code
 * list}, {@code map}, {@code set}, {@code namespace}, {@code value}, {@code long}) and publishes it
 * under the name. The node prints {@code serving <address>} on standard output once it is ready,
 * and stops on SIGTERM or Ctrl-C.
 */
public final class Serve {
    private static final Map<String, Function<Manager, SharedObject>> TYPES = Map.of(
            "list", Manager::list,
            "map", Manager::map,
            "set", Manager::set,
            "namespace", Manager::namespace,
            "value", m -> m.value(null),
            "long", m -> m.longValue(0));

    private Serve() {}

    /**
     * Runs the node.
     *
     * @param args {@code --address}, {@code --authkey-file}, {@code --publish name=type}
     * @throws Exception if the node cannot start
     */
    public static void main(String[] args) throws Exception {
        String address = "tcp://127.0.0.1:50000";
        Path keyFile = null;
        List<String[]> publish = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--address":
                    address = require(a, value);
                    i++;
                    break;
                case "--authkey-file":
                    keyFile = Path.of(require(a, value));
                    i++;
                    break;
                case "--publish":
                    String[] kv = require(a, value).split("=", 2);
                    if (kv.length != 2 || !TYPES.containsKey(kv[1])) {
                        usage("--publish takes name=type, with type one of " + TYPES.keySet());
                    }
                    publish.add(kv);
                    i++;
                    break;
                default:
                    usage("unknown option " + a);
            }
        }
        Manager.Builder builder = Manager.builder().address(address).name("serve");
        builder.authKey(keyFile != null ? readKey(keyFile) : keyFromEnvironment());
        Manager manager = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(manager::close, "steward-serve-shutdown"));
        for (String[] p : publish) {
            SharedObject o = TYPES.get(p[1]).apply(manager);
            manager.publish(p[0], o);
            o.close(); // the published name holds it now
        }
        System.out.println("serving " + manager.address());
        System.out.flush();
        manager.awaitClose();
    }

    private static byte[] readKey(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String text = new String(raw, java.nio.charset.StandardCharsets.US_ASCII).trim();
        try {
            return StewardRuntime.decodeKey(text);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static byte[] keyFromEnvironment() {
        String env = System.getenv(StewardRuntime.AUTHKEY_ENV);
        if (env == null || env.isBlank()) {
            usage("give the auth key with --authkey-file or the " + StewardRuntime.AUTHKEY_ENV
                    + " environment variable; never on the command line");
        }
        return StewardRuntime.decodeKey(env.trim());
    }

    private static String require(String option, String value) {
        if (value == null) {
            usage(option + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println("steward serve: " + problem);
        System.err.println("usage: Serve [--address tcp://host:port] [--authkey-file FILE] [--publish name=type]...");
        System.exit(2);
    }
}
