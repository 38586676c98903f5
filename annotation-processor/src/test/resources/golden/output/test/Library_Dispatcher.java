package test;

import dev.steward.SharedList;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.NodeCalls;
import dev.steward.runtime.managed.NodeContext;
import javax.annotation.processing.Generated;

/**
 * Runs the constructors and exposed methods of {@link Library} on the node, by index, without reflection.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Library_Dispatcher implements ManagedDispatcher<Library> {
    private static final Library_Dispatcher INSTANCE = new Library_Dispatcher();

    private Library_Dispatcher() {
    }

    /**
     * Returns the dispatcher.
     *
     * @return the dispatcher
     */
    public static Library_Dispatcher instance() {
        return INSTANCE;
    }

    @Override
    public Library construct(int constructor, Object[] args, NodeContext context) throws Throwable {
        switch (constructor) {
            case 0: // <init>()
                return new Library();
            default:
                throw NodeCalls.noSuchConstructor(Library.class, constructor);
        }
    }

    @Override
    public Object invoke(Library target, int method, Object[] args, NodeContext context) throws
            Throwable {
        switch (method) {
            case 0: // book(java.lang.String)
                return context.reference(target.book(NodeCalls.<String>value(args, 0, String.class)), Book.class);
            case 1: // log()
                return context.sharedReference(target.log());
            case 2: // logTo(dev.steward.SharedList)
                target.logTo(context.<SharedList<String>>shared(args, 0, SharedList.class));
                return null;
            case 3: // shelve(test.Book)
                return target.shelve(context.<Book>managed(args, 0, Book.class));
            default:
                throw NodeCalls.noSuchMethod(Library.class, method);
        }
    }
}
