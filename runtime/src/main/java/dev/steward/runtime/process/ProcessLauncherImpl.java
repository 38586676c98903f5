package dev.steward.runtime.process;

import dev.steward.ManagedProcess;
import dev.steward.ProcessLauncher;
import dev.steward.StewardException;
import dev.steward.runtime.client.ClientConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a child JVM on this JVM's class path. The node's address, auth key and the encoded
 * arguments go through the child's standard input, never its command line or environment. Children
 * are daemons: they end when this JVM ends (this JVM kills the survivors at shutdown, and a child
 * whose parent dies exits by itself).
 */
public final class ProcessLauncherImpl implements ProcessLauncher {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "steward-child-reaper"));
    }

    private final Class<?> mainClass;
    private final String address;
    private final byte[] authKey;
    private final ClientConnection connection;
    private final Map<String, String> settings;
    private Object[] args = new Object[0];
    private String name;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Redirect output = Redirect.INHERIT;
    private Redirect error = Redirect.INHERIT;

    /**
     * Creates a launcher.
     *
     * @param mainClass the class to run
     * @param address the node's address
     * @param authKey the auth key
     * @param connection the parent's connection, whose proxies the arguments may hold
     * @param settings settings the child's connection inherits
     */
    public ProcessLauncherImpl(
            Class<?> mainClass,
            String address,
            byte[] authKey,
            ClientConnection connection,
            Map<String, String> settings) {
        this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
        this.address = address;
        this.authKey = authKey;
        this.connection = connection;
        this.settings = Map.copyOf(settings);
    }

    @Override
    public ProcessLauncher args(Object... arguments) {
        this.args = arguments.clone();
        return this;
    }

    @Override
    public ProcessLauncher name(String processName) {
        this.name = Objects.requireNonNull(processName, "name");
        return this;
    }

    @Override
    public ProcessLauncher jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    @Override
    public ProcessLauncher environment(String variable, String value) {
        environment.put(Objects.requireNonNull(variable), Objects.requireNonNull(value));
        return this;
    }

    @Override
    public ProcessLauncher output(Redirect redirect) {
        this.output = Objects.requireNonNull(redirect);
        return this;
    }

    @Override
    public ProcessLauncher error(Redirect redirect) {
        this.error = Objects.requireNonNull(redirect);
        return this;
    }

    @Override
    public ManagedProcess start() {
        String processName = name != null ? name : mainClass.getSimpleName() + "-" + COUNTER.incrementAndGet();
        // encode first: an argument that cannot be sent fails here, before any JVM starts
        byte[] encoded = Bootstrap.encodeArgs(args, connection.registry(), connection.proxies());
        Bootstrap bootstrap = new Bootstrap(
                address,
                authKey,
                processName,
                connection.registry().knownTypeNames(),
                connection.registry().allowedPackages(),
                settings,
                encoded);
        List<String> command = new ArrayList<>();
        command.add(JvmFlags.javaExecutable());
        command.addAll(JvmFlags.required());
        command.addAll(jvmOptions);
        command.add("-Dsteward.process.name=" + processName);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.steward.runtime.ChildMain");
        command.add(mainClass.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(Redirect.PIPE)
                .redirectOutput(output)
                .redirectError(error);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StewardException("cannot start a JVM for " + mainClass.getName() + ": " + e.getMessage(), e);
        }
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        try (OutputStream in = process.getOutputStream()) {
            bootstrap.writeTo(in);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new StewardException(
                    "the child JVM for " + mainClass.getName() + " died before it read its arguments: " + e, e);
        }
        return new ManagedProcessImpl(process, processName, args);
    }
}
