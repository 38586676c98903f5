package test;

import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.NodeCalls;
import dev.steward.runtime.managed.NodeContext;
import javax.annotation.processing.Generated;

/**
 * Runs the constructors and exposed methods of {@link Book} on the node, by index, without reflection.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Book_Dispatcher implements ManagedDispatcher<Book> {
    private static final Book_Dispatcher INSTANCE = new Book_Dispatcher();

    private Book_Dispatcher() {
    }

    /**
     * Returns the dispatcher.
     *
     * @return the dispatcher
     */
    public static Book_Dispatcher instance() {
        return INSTANCE;
    }

    @Override
    public Book construct(int constructor, Object[] args, NodeContext context) throws Throwable {
        switch (constructor) {
            case 0: // <init>(java.lang.String)
                return new Book(NodeCalls.<String>value(args, 0, String.class));
            default:
                throw NodeCalls.noSuchConstructor(Book.class, constructor);
        }
    }

    @Override
    public Object invoke(Book target, int method, Object[] args, NodeContext context) throws
            Throwable {
        switch (method) {
            case 0: // title()
                return target.title();
            default:
                throw NodeCalls.noSuchMethod(Book.class, method);
        }
    }
}
