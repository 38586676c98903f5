package dev.steward.benchmarks.workload;

import dev.steward.ManagedProcess;
import dev.steward.Manager;
import dev.steward.Namespace;
import dev.steward.SharedEvent;
import dev.steward.SharedList;
import dev.steward.SharedLock;
import dev.steward.SharedLong;
import dev.steward.SharedMap;
import dev.steward.SharedQueue;
import dev.steward.benchmarks.Json;
import dev.steward.benchmarks.raw.RawAeronPingPong;
import dev.steward.benchmarks.raw.RawAeronWorkloads;
import dev.steward.benchmarks.raw.RawNettyEcho;
import dev.steward.benchmarks.raw.RawTcpWorkloads;
import dev.steward.benchmarks.raw.RawWorkloadServer;
import dev.steward.runtime.process.JvmFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.ProcessBuilder.Redirect;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The workload harness. For each transport it starts a node in this JVM, runs every client loop in
 * worker JVMs started before the clock, measures start-up in fresh JVMs, runs the raw transport
 * floor, and prints one JSON object, {@code {"transports": {"netty-tcp": {...}, ...}}}, that {@code
 * shared/anchors/compare.py} reads.
 *
 * <pre>
 * Workloads [--size quick|full] [--n N] [--workers W] [--transports netty-tcp,...] [--out FILE]
 *           [--worker-option -Dkey=value]... [--option key=value]...
 *           [--parts startup,single,queue,locked,raw]
 * </pre>
 *
 * <p>{@code --worker-option} adds a JVM option to every worker JVM; {@code --option} adds a manager
 * option to every transport's node (its children inherit it), to compare settings in one session;
 * {@code --parts} runs only the named parts (all by default): start-up, the single-client loops
 * (with latency and async throughput), the queue round trips, the locked increments, the raw
 * floors.
 */
public final class Workloads {
    private final int n;
    private final int workers;
    private final Path logs;
    private final List<String> workerOptions;
    private final Set<String> parts;

    private Workloads(int n, int workers, Path logs, List<String> workerOptions, Set<String> parts) {
        this.parts = parts;
        this.n = n;
        this.workers = workers;
        this.logs = logs;
        this.workerOptions = workerOptions;
    }

    /**
     * A transport the harness runs the workloads on.
     *
     * @param name its name in the results
     * @param address the manager's address
     * @param options manager options (children inherit them)
     * @param onRequest run only when named in {@code --transports}
     */
    record Transport(String name, String address, Map<String, String> options, boolean onRequest) {}

    /**
     * Runs the harness.
     *
     * @param args options, see the class comment
     * @throws Exception if a workload fails
     */
    public static void main(String[] args) throws Exception {
        int n = 20_000;
        int workers = 4;
        String only = null;
        Path out = null;
        List<String> workerOptions = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        Set<String> parts = PARTS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--worker-option" -> workerOptions.add(args[++i]);
                case "--option" -> {
                    String[] kv = args[++i].split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("--option takes key=value, not " + args[i]);
                    }
                    options.put(kv[0], kv[1]);
                }
                case "--size" -> n = args[++i].equals("full") ? 100_000 : 20_000;
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--workers" -> workers = Integer.parseInt(args[++i]);
                case "--transports" -> only = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--parts" -> parts = Set.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path logs = Files.createDirectories(Path.of("target", "bench-logs"));
        if (!PARTS.containsAll(parts)) {
            throw new IllegalArgumentException("--parts takes some of " + PARTS + ", not " + parts);
        }
        Workloads w = new Workloads(n, workers, logs, workerOptions, parts);
        Map<String, Object> transports = new LinkedHashMap<>();
        for (Transport t : available()) {
            boolean named = only != null && List.of(only.split(",")).contains(t.name());
            if (named || (only == null && !t.onRequest())) {
                System.err.println("== " + t.name());
                Map<String, String> all = new LinkedHashMap<>(t.options());
                all.putAll(options);
                transports.put(t.name(), w.run(new Transport(t.name(), t.address(), all, t.onRequest())));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("harness", "steward-workloads");
        result.put("n", n);
        result.put("workers", workers);
        result.put("java", Runtime.version().toString());
        result.put("cores", Runtime.getRuntime().availableProcessors());
        if (!options.isEmpty()) {
            result.put("options", options);
        }
        result.put("transports", transports);
        String json = Json.write(result);
        System.out.println(json);
        if (out != null) {
            Files.writeString(out, json + "\n");
        }
    }

    /** The parts of a run that {@code --parts} can name. */
    private static final Set<String> PARTS = Set.of("startup", "single", "queue", "locked", "raw");

    private boolean runs(String part) {
        return parts.contains(part);
    }

    static List<Transport> available() {
        List<Transport> list = new ArrayList<>();
        list.add(new Transport("netty-tcp", "tcp://127.0.0.1:0", Map.of(), false));
        list.add(new Transport("aeron-ipc", "aeron:ipc", Map.of(), false));
        list.add(new Transport("aeron-udp", "aeron:udp?endpoint=127.0.0.1:0", Map.of(), false));
        // for machines with cores to spare: the transport threads busy-spin a little before yielding
        list.add(new Transport("aeron-ipc-spin", "aeron:ipc", Map.of("aeron.idleSpins", "200"), true));
        return list;
    }

    private Map<String, Object> run(Transport t) throws Exception {
        Map<String, Object> fig = new LinkedHashMap<>();
        if (runs("startup")) {
            fig.put("start_to_first_call_ms", startup(t));
        }
        Manager.Builder b = Manager.builder().address(t.address()).name("bench");
        t.options().forEach(b::option);
        try (Manager m = b.start()) {
            SharedMap<String, Object> results = m.map();
            // single client
            SharedMap<String, Integer> dict = m.map();
            SharedList<Integer> list = m.list();
            SharedLong counter = m.longValue(0);
            BenchCounter_Proxy custom = BenchCounter_Proxy.create(m);
            InlineBenchCounter_Proxy inline = InlineBenchCounter_Proxy.create(m);
            if (runs("single")) {
                join(spawn(m, ClientWorker.class, results, dict, list, counter, custom, inline, n, 256));
            }
            // queue round trips
            SharedQueue<Integer> q1 = m.queue();
            SharedQueue<Integer> q2 = m.queue();
            SharedEvent ready = m.event();
            int rounds = n / 4;
            if (runs("queue")) {
                ManagedProcess echo = spawn(m, QueueWorkers.Echo.class, q1, q2, ready);
                join(spawn(m, QueueWorkers.Client.class, results, q1, q2, ready, rounds));
                join(echo);
            }
            // locked increments: Python's lock is not fair; Steward's is unless asked otherwise
            if (runs("locked")) {
                locked(m, m.lock(), "locked_increments_s", "locked_increments_correct", fig);
                locked(m, m.lock(false), "locked_increments_unfair_s", "locked_increments_unfair_correct", fig);
            }
            fig.putAll(results.snapshot());
        }
        if (runs("raw")) {
            raw(t, fig);
        }
        if (fig.get("raw_roundtrip_p50_us") instanceof Double rawP50
                && fig.get("sync_call_p50_us") instanceof Double p50) {
            fig.put("sync_p50_over_raw_p50", p50 / rawP50);
        }
        System.err.println(Json.write(fig));
        return fig;
    }

    /** The raw floors of the transport: a round trip of 64 bytes, and the queue and lock workloads. */
    private void raw(Transport t, Map<String, Object> fig) throws Exception {
        double[] raw = null;
        if (t.name().equals("netty-tcp")) {
            raw = rawNetty();
            rawWorkloads(fig, RawTcpWorkloads.class, RawTcpWorkloads.start(workers));
        } else if (t.name().startsWith("aeron-")) {
            boolean udp = t.name().equals("aeron-udp");
            try (RawAeronPingPong pong = RawAeronPingPong.start(udp)) {
                raw = parse(result(RawAeronPingPong.class, List.of(pong.pingArgs(n))));
            }
            rawWorkloads(fig, RawAeronWorkloads.class, RawAeronWorkloads.start(udp, workers));
        }
        if (raw != null) {
            fig.put("raw_roundtrip_p50_us", raw[0]);
            fig.put("raw_roundtrip_p99_us", raw[1]);
            fig.put("raw_roundtrip_p999_us", raw[2]);
        }
    }

    /** The {@code locked_increments_s} workload with one lock; writes its two keys into {@code fig}. */
    private void locked(Manager m, SharedLock lock, String rateKey, String correctKey, Map<String, Object> fig)
            throws InterruptedException {
        Namespace ns = m.namespace();
        ns.set("count", 0);
        SharedQueue<Long> readyQ = m.queue();
        SharedQueue<Long> doneQ = m.queue();
        SharedEvent together = m.event();
        SharedEvent go = m.event();
        SharedEvent end = m.event();
        int per = n / (4 * workers);
        List<ManagedProcess> ps = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            ps.add(spawn(m, LockWorker.class, lock, ns, per, per * workers, readyQ, together, go, doneQ, end));
        }
        for (int i = 0; i < workers; i++) {
            readyQ.take(); // warmed up as it came
        }
        together.set();
        // while the workers warm up together, this JVM, which hosts the node, makes calls of the kinds
        // it makes right before the clock starts: with only the workers' calls in the profile, the
        // node's compiled codec met this JVM's own calls (a string key) there, was thrown away and
        // compiled again in the timed part
        for (int ready = 0, i = 0; ready < workers; i++) {
            if (readyQ.poll(1, TimeUnit.MILLISECONDS) != null) {
                ready++; // warmed up with all the others
            }
            ns.set("harness", i);
        }
        ns.set("count", 0); // the workers' warm-up counted too
        long compiled = WarmUp.compileMillis();
        long from = ManagementFactory.getRuntimeMXBean().getUptime();
        long start = System.nanoTime();
        go.set();
        for (int i = 0; i < workers; i++) {
            doneQ.take();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(
                "%s: %.3f s (%d-%d ms after this JVM started), the node's JVM compiled for %d ms meanwhile%n",
                rateKey,
                seconds,
                from,
                ManagementFactory.getRuntimeMXBean().getUptime(),
                WarmUp.compileMillis() - compiled);
        end.set();
        for (ManagedProcess p : ps) {
            join(p);
        }
        fig.put(rateKey, per * workers / seconds);
        fig.put(correctKey, ((Number) ns.get("count")).intValue() == per * workers);
    }

    private ManagedProcess spawn(Manager m, Class<?> main, Object... args) {
        Path log = logs.resolve(main.getSimpleName() + ".log");
        List<String> options = new ArrayList<>(List.of("-Xmx256m"));
        options.addAll(workerOptions);
        return m.process(main)
                .args(args)
                .jvmOptions(options.toArray(new String[0]))
                .output(Redirect.appendTo(log.toFile()))
                .error(Redirect.appendTo(log.toFile()))
                .start();
    }

    private void join(ManagedProcess p) throws InterruptedException {
        if (!p.join(Duration.ofMinutes(10))) {
            p.kill();
            throw new IllegalStateException(p + " did not finish; see " + logs);
        }
        if (p.exitCode().orElse(-1) != 0) {
            throw new IllegalStateException(p + " failed; see " + logs);
        }
    }

    /**
     * Median of three fresh JVMs. On aeron-ipc, the default transport when both transport modules
     * are present, the probe starts the embedded default ({@code Manager.start()}, as Python's
     * {@code Manager()}); on the others, a node on an explicit address, which start() returns only
     * once it listens.
     */
    private double startup(Transport t) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> args = new ArrayList<>(List.of(t.name().equals("aeron-ipc") ? "default" : t.address()));
            t.options().forEach((k, v) -> args.add(k + "=" + v));
            runs.add(Double.parseDouble(result(StartupProbe.class, args)[0]));
        }
        runs.sort(null);
        return runs.get(1);
    }

    private double[] rawNetty() throws Exception {
        try (RawNettyEcho server = RawNettyEcho.start()) {
            return parse(result(RawNettyEcho.class, List.of(Integer.toString(server.port()), Integer.toString(n))));
        }
    }

    /**
     * The queue and lock workloads on a minimal server and clients with nothing of Steward in them
     * ({@link RawTcpWorkloads}, {@link RawAeronWorkloads}): what any framework over the same
     * transport can reach here.
     */
    private void rawWorkloads(Map<String, Object> fig, Class<?> main, RawWorkloadServer server) throws Exception {
        int rounds = n / 4;
        int per = n / (4 * workers);
        List<Process> started = new ArrayList<>();
        try (server) {
            started.add(startJvm(main, rawArgs("echo", rounds, server)));
            String[] queue = result(main, rawArgs("queue", rounds, server));
            fig.put("raw_queue_roundtrips_s", Double.parseDouble(queue[0]));
            for (int i = 0; i < workers; i++) {
                started.add(startJvm(main, rawArgs("lock", per, server)));
            }
            double[] locked = server.lockedResult(Duration.ofMinutes(5));
            fig.put("raw_locked_increments_s", locked[0]);
            fig.put("raw_locked_increments_correct", locked[1] == 1);
            for (Process p : started) {
                if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    throw new IllegalStateException(
                            "a " + main.getSimpleName() + " client failed; see the harness's output");
                }
            }
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    private static List<String> rawArgs(String role, int count, RawWorkloadServer server) {
        List<String> args = new ArrayList<>(List.of(role, Integer.toString(count)));
        args.addAll(server.clientArgs());
        return args;
    }

    private static double[] parse(String[] r) {
        return new double[] {Double.parseDouble(r[0]), Double.parseDouble(r[1]), Double.parseDouble(r[2])};
    }

    /** Runs a class in a fresh JVM and returns the fields of its {@code RESULT} line. */
    static String[] result(Class<?> main, List<String> args) throws IOException, InterruptedException {
        Process p = startJvm(main, args);
        String found = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    found = line.substring(7).trim();
                }
            }
        }
        if (p.waitFor() != 0 || found == null) {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + p.exitValue() + ")");
        }
        return found.split(" ");
    }

    /** Starts a class in a fresh JVM with this one's class path; its errors go to this JVM's. */
    private static Process startJvm(Class<?> main, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(JvmFlags.javaExecutable());
        cmd.addAll(JvmFlags.required());
        cmd.add("-Xmx256m");
        String idle = System.getProperty("steward.raw.idle");
        if (idle != null) {
            cmd.add("-Dsteward.raw.idle=" + idle); // the raw Aeron floor's clients wait as its server does
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectError(Redirect.INHERIT).start();
    }
}
