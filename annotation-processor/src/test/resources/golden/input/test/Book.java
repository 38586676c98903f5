package test;

import dev.steward.Exposed;
import dev.steward.Managed;

@Managed
public class Book {
    private final String title;

    public Book(String title) {
        this.title = title;
    }

    @Exposed
    public String title() {
        return title;
    }
}
