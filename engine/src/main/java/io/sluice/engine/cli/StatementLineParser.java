package io.sluice.engine.cli;

import io.sluice.parser.StatementSplitter;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells the line reader to keep reading, with the continuation prompt, until the input ends a
 * statement with {@code ;}, so a statement typed over several lines is read (and kept in history)
 * as one. A blank line and a shell command such as {@code quit} are accepted as they are.
 */
final class StatementLineParser implements Parser {
    private final Parser words = new DefaultParser();

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.isBlank() && ShellCommand.of(line).isEmpty()
                && !StatementSplitter.isComplete(line)) {
            throw new EOFError(-1, -1, "the statement has no ';' yet");
        }
        return words.parse(line, cursor, context);
    }
}
