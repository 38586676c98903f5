package dev.steward.samples;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.steward.Manager;
import dev.steward.runtime.guice.EmbeddedNodeModule;
import dev.steward.runtime.guice.RemoteNodeModule;
import dev.steward.runtime.guice.StewardService;
import java.util.List;

/**
 * Steward with Guice: {@link TaskBoard} {@code @Inject}s a {@link Manager}. {@link
 * EmbeddedNodeModule} binds it to a node started in this JVM on whichever transport the pom brings
 * (the samples pom's {@code netty} profile: {@code tcp://}); nothing in the code names a transport,
 * so the same classes run on Aeron when a profile brings {@code steward-transport-aeron} instead.
 * A second injector, with {@link RemoteNodeModule}, plays a client process that connects to the
 * first by address and auth key, and sees the same board.
 *
 * <p>The node starts when {@code Manager} is first injected (building the injector opens nothing)
 * and stops with {@link StewardService#stop()}.
 */
final class GuiceSample implements Sample {
    @Override
    public String name() {
        return "guice";
    }

    @Override
    public String description() {
        return "an application that @Injects Manager (EmbeddedNodeModule, RemoteNodeModule); transport from the pom";
    }

    /**
     * What the two applications saw.
     *
     * @param nodeAddress the embedded node's address
     * @param clientAddress the address the client application connected to
     * @param clientHostsNode whether the client's manager hosts a node (it should not)
     * @param tasks the board as the client read it
     */
    record Result(String nodeAddress, String clientAddress, boolean clientHostsNode, List<String> tasks) {}

    @Override
    public void run(Children children, List<String> args) {
        run();
    }

    static Result run() {
        Injector injector = Guice.createInjector(new EmbeddedNodeModule());
        StewardService node = injector.getInstance(StewardService.class);
        try {
            TaskBoard board = injector.getInstance(TaskBoard.class); // the node starts here
            System.out.println("Injected a Manager hosting a node at " + board.address());
            board.post("feed the lions");
            board.post("count the zebras");

            // another application, as a separate process would wire it: connect by address and key
            Manager manager = injector.getInstance(Manager.class);
            Injector remote = Guice.createInjector(new RemoteNodeModule(manager.address(), manager.authKey()));
            StewardService client = remote.getInstance(StewardService.class);
            try {
                TaskBoard clientBoard = remote.getInstance(TaskBoard.class);
                clientBoard.post("sweep the aviary");
                Manager clientManager = remote.getInstance(Manager.class);
                System.out.println("A client injector connected to " + clientBoard.address() + " (hosts a node: "
                        + clientManager.hostsNode() + ")");
                List<String> tasks = clientBoard.tasks();
                System.out.println("Tasks, as the client reads them: " + tasks);
                System.out.println("Tasks, as the node's application reads them: " + board.tasks());
                return new Result(board.address(), clientBoard.address(), clientManager.hostsNode(), tasks);
            } finally {
                client.stop(); // disconnects the client
            }
        } finally {
            node.stop(); // stops the node
        }
    }
}
