package test;

import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.NodeCalls;
import dev.steward.runtime.managed.NodeContext;
import javax.annotation.processing.Generated;

/**
 * Runs the constructors and exposed methods of {@link Outer.Inner} on the node, by index, without reflection.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Outer_Inner_Dispatcher implements ManagedDispatcher<Outer.Inner> {
    private static final Outer_Inner_Dispatcher INSTANCE = new Outer_Inner_Dispatcher();

    private Outer_Inner_Dispatcher() {
    }

    /**
     * Returns the dispatcher.
     *
     * @return the dispatcher
     */
    public static Outer_Inner_Dispatcher instance() {
        return INSTANCE;
    }

    @Override
    public Outer.Inner construct(int constructor, Object[] args, NodeContext context) throws
            Throwable {
        switch (constructor) {
            case 0: // <init>()
                return new Outer.Inner();
            default:
                throw NodeCalls.noSuchConstructor(Outer.Inner.class, constructor);
        }
    }

    @Override
    public Object invoke(Outer.Inner target, int method, Object[] args, NodeContext context) throws
            Throwable {
        switch (method) {
            case 0: // hit()
                return target.hit();
            default:
                throw NodeCalls.noSuchMethod(Outer.Inner.class, method);
        }
    }
}
