package test;

import dev.steward.SharedObject;
import dev.steward.runtime.client.ProxyHandle;
import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.ManagedType;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Registers {@link Canvas} with Steward: listed in {@code META-INF/services}, found by every JVM that uses Steward.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Canvas_ManagedType extends ManagedType<Canvas> {
    /**
     * The hash of the sorted constructor and method signatures.
     */
    static final long FINGERPRINT = 0x4f49477b274fd9deL;

    /**
     * Called by {@link java.util.ServiceLoader}.
     */
    public Canvas_ManagedType() {
        super("test.Canvas",
                Canvas.class,
                FINGERPRINT,
                false,
                false,
                List.of(method("counts(java.util.Map)", 1),
                method("describe(test.Color)", 1),
                method("describe(test.Point)", 1),
                method("draw(test.Color,test.Point[])", 2),
                method("initial(char,boolean,double,float,short,byte)", 6),
                method("points()", 0),
                method("toString()", 0)),
                List.of(List.<Class<?>>of()),
                List.of(Color.class, Point.class));
    }

    @Override
    public SharedObject proxy(ProxyHandle handle) {
        return Canvas_Proxy.wrap(handle);
    }

    @Override
    public ManagedDispatcher<Canvas> dispatcher() {
        return Canvas_Dispatcher.instance();
    }
}
