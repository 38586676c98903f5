package dev.steward.managedtests;

import dev.steward.Exposed;
import dev.steward.Managed;

/** An account whose methods throw. */
@Managed
public class Account {
    private long balance;

    /**
     * Opens an account.
     *
     * @param balance the opening balance
     * @throws IllegalArgumentException if it is negative
     */
    public Account(long balance) {
        if (balance < 0) {
            throw new IllegalArgumentException("an account cannot open with a negative balance: " + balance);
        }
        this.balance = balance;
    }

    /**
     * Takes money out.
     *
     * @param amount how much
     * @return the new balance
     * @throws InsufficientFundsException if the balance is too low
     */
    @Exposed
    public long withdraw(long amount) throws InsufficientFundsException {
        if (amount > balance) {
            throw new InsufficientFundsException("cannot withdraw " + amount + ": the balance is " + balance);
        }
        balance -= amount;
        return balance;
    }

    /** Always fails with an exception type only the node knows how to rebuild. */
    @Exposed
    public void openVault() {
        jam();
    }

    private static void jam() {
        throw new VaultJammedException("the vault door is stuck");
    }

    /**
     * Returns the balance.
     *
     * @return the balance
     */
    @Exposed
    public long balance() {
        return balance;
    }
}
