package dev.steward.samples;

import dev.steward.Manager;
import dev.steward.SharedList;
import jakarta.inject.Inject;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An application class for the Guice sample: it asks for a {@link Manager} and knows nothing of
 * transports, nodes or addresses. Whether the manager hosts an embedded node or connects to a
 * remote one, and over which transport, is decided by the injector's module and the class path.
 */
final class TaskBoard {
    /** The name the board is published under, so that every process finds the same list. */
    static final String NAME = "tasks";

    private final Manager manager;

    @Inject
    TaskBoard(Manager manager) {
        this.manager = manager;
    }

    /**
     * Where this board's manager is connected.
     *
     * @return the node's address, such as {@code tcp://127.0.0.1:41234}
     */
    String address() {
        return manager.address();
    }

    /**
     * Posts a task on the shared board, creating and publishing the board if nobody has yet.
     *
     * @param task the task
     */
    void post(String task) {
        board().add(task);
    }

    /**
     * Reads the board.
     *
     * @return a snapshot of every task posted, by any process
     */
    List<String> tasks() {
        return board().snapshot();
    }

    @SuppressWarnings("unchecked")
    private SharedList<String> board() {
        try {
            return manager.lookup(NAME, SharedList.class);
        } catch (NoSuchElementException e) {
            SharedList<String> board = manager.list();
            manager.publish(NAME, board); // (two processes racing here would each publish one; fine for a sample)
            return board;
        }
    }
}
