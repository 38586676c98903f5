package test;

import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.NodeCalls;
import dev.steward.runtime.managed.NodeContext;
import javax.annotation.processing.Generated;

/**
 * Runs the constructors and exposed methods of {@link Counter} on the node, by index, without reflection.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Counter_Dispatcher implements ManagedDispatcher<Counter> {
    private static final Counter_Dispatcher INSTANCE = new Counter_Dispatcher();

    private Counter_Dispatcher() {
    }

    /**
     * Returns the dispatcher.
     *
     * @return the dispatcher
     */
    public static Counter_Dispatcher instance() {
        return INSTANCE;
    }

    @Override
    public Counter construct(int constructor, Object[] args, NodeContext context) throws Throwable {
        switch (constructor) {
            case 0: // <init>()
                return new Counter();
            case 1: // <init>(int)
                return new Counter(NodeCalls.intArg(args, 0));
            default:
                throw NodeCalls.noSuchConstructor(Counter.class, constructor);
        }
    }

    @Override
    public Object invoke(Counter target, int method, Object[] args, NodeContext context) throws
            Throwable {
        switch (method) {
            case 0: // add(long)
                return target.add(NodeCalls.longArg(args, 0));
            case 1: // getValue()
                return target.getValue();
            case 2: // increment()
                target.increment();
                return null;
            case 3: // reset()
                target.reset();
                return null;
            default:
                throw NodeCalls.noSuchMethod(Counter.class, method);
        }
    }
}
