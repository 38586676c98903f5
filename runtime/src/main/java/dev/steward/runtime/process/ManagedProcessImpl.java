package dev.steward.runtime.process;

import dev.steward.ManagedProcess;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A spawned child JVM. It keeps the arguments' proxies alive until the child ends. */
final class ManagedProcessImpl implements ManagedProcess {
    private final Process process;
    private final String name;
    private final CompletableFuture<Integer> exit;
    private volatile Object[] keepAlive;

    ManagedProcessImpl(Process process, String name, Object[] args) {
        this.process = process;
        this.name = name;
        this.keepAlive = args;
        // the parent's references must outlive the child's hand-over, so they live until it exits
        this.exit = process.onExit().thenApply(p -> {
            keepAlive = null;
            return p.exitValue();
        });
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int join() throws InterruptedException {
        int code = process.waitFor();
        keepAlive = null;
        return code;
    }

    @Override
    public boolean join(Duration timeout) throws InterruptedException {
        boolean done = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (done) {
            keepAlive = null;
        }
        return done;
    }

    @Override
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void terminate() {
        process.destroy();
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public CompletableFuture<Integer> onExit() {
        return exit.copy();
    }

    Object[] heldArguments() {
        return keepAlive;
    }

    @Override
    public String toString() {
        return "process " + name + " (pid " + pid()
                + (isAlive() ? ", running)" : ", exit " + exitCode().getAsInt() + ")");
    }
}
