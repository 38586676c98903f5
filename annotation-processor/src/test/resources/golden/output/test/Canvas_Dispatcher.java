package test;

import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.NodeCalls;
import dev.steward.runtime.managed.NodeContext;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Runs the constructors and exposed methods of {@link Canvas} on the node, by index, without reflection.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Canvas_Dispatcher implements ManagedDispatcher<Canvas> {
    private static final Canvas_Dispatcher INSTANCE = new Canvas_Dispatcher();

    private Canvas_Dispatcher() {
    }

    /**
     * Returns the dispatcher.
     *
     * @return the dispatcher
     */
    public static Canvas_Dispatcher instance() {
        return INSTANCE;
    }

    @Override
    public Canvas construct(int constructor, Object[] args, NodeContext context) throws Throwable {
        switch (constructor) {
            case 0: // <init>()
                return new Canvas();
            default:
                throw NodeCalls.noSuchConstructor(Canvas.class, constructor);
        }
    }

    @Override
    public Object invoke(Canvas target, int method, Object[] args, NodeContext context) throws
            Throwable {
        switch (method) {
            case 0: // counts(java.util.Map)
                return target.counts(NodeCalls.<Map<Color, Integer>>value(args, 0, Map.class));
            case 1: // describe(test.Color)
                return target.describe(NodeCalls.<Color>value(args, 0, Color.class));
            case 2: // describe(test.Point)
                return target.describe(NodeCalls.<Point>value(args, 0, Point.class));
            case 3: // draw(test.Color,test.Point[])
                target.draw(NodeCalls.<Color>value(args, 0, Color.class), NodeCalls.<Point[]>value(args, 1, Point[].class));
                return null;
            case 4: // initial(char,boolean,double,float,short,byte)
                return target.initial(NodeCalls.charArg(args, 0), NodeCalls.booleanArg(args, 1), NodeCalls.doubleArg(args, 2), NodeCalls.floatArg(args, 3), NodeCalls.shortArg(args, 4), NodeCalls.byteArg(args, 5));
            case 5: // points()
                return target.points();
            case 6: // toString()
                return target.toString();
            default:
                throw NodeCalls.noSuchMethod(Canvas.class, method);
        }
    }
}
