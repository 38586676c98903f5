package test;

import dev.steward.runtime.managed.ManagedDispatcher;
import dev.steward.runtime.managed.NodeCalls;
import dev.steward.runtime.managed.NodeContext;
import javax.annotation.processing.Generated;

/**
 * Runs the constructors and exposed methods of {@link Account} on the node, by index, without reflection.
 */
@Generated("dev.steward.processor.ManagedProcessor")
public final class Account_Dispatcher implements ManagedDispatcher<Account> {
    private static final Account_Dispatcher INSTANCE = new Account_Dispatcher();

    private Account_Dispatcher() {
    }

    /**
     * Returns the dispatcher.
     *
     * @return the dispatcher
     */
    public static Account_Dispatcher instance() {
        return INSTANCE;
    }

    @Override
    public Account construct(int constructor, Object[] args, NodeContext context) throws Throwable {
        switch (constructor) {
            case 0: // <init>(long)
                return new Account(NodeCalls.longArg(args, 0));
            default:
                throw NodeCalls.noSuchConstructor(Account.class, constructor);
        }
    }

    @Override
    public Object invoke(Account target, int method, Object[] args, NodeContext context) throws
            Throwable {
        switch (method) {
            case 0: // transfer(test.Account,long)
                target.transfer(context.<Account>managed(args, 0, Account.class), NodeCalls.longArg(args, 1));
                return null;
            case 1: // withdraw(long)
                return target.withdraw(NodeCalls.longArg(args, 0));
            default:
                throw NodeCalls.noSuchMethod(Account.class, method);
        }
    }
}
