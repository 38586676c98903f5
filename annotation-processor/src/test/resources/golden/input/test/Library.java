package test;

import dev.steward.Exposed;
import dev.steward.Managed;
import dev.steward.SharedList;
import java.util.HashMap;
import java.util.Map;

@Managed
public class Library {
    private final Map<String, Book> books = new HashMap<>();
    private SharedList<String> log;

    public Library() {}

    @Exposed
    public Book book(String title) {
        return books.computeIfAbsent(title, Book::new);
    }

    @Exposed
    public boolean shelve(Book book) {
        return books.containsValue(book);
    }

    @Exposed
    public void logTo(SharedList<String> log) {
        this.log = log;
    }

    @Exposed
    public SharedList<String> log() {
        return log;
    }
}
