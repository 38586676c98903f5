package test;

import dev.steward.Exposed;
import dev.steward.Managed;

@Managed
public class Account {
    private long balance;

    public Account(long balance) throws InsufficientFundsException {
        if (balance < 0) {
            throw new InsufficientFundsException("negative", null);
        }
        this.balance = balance;
    }

    @Exposed
    public long withdraw(long amount) throws InsufficientFundsException, FrozenException {
        if (amount > balance) {
            throw new InsufficientFundsException("balance " + balance, null);
        }
        balance -= amount;
        return balance;
    }

    @Exposed
    public void transfer(Account to, long amount) throws InsufficientFundsException, FrozenException {
        to.balance += withdraw(amount) * 0 + amount;
    }
}
