package io.jrrtui.repl;

import java.util.List;
import org.jline.reader.impl.completer.FileNameCompleter;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion: the first word from the command names, then by the command's kind — info
 * subcommands, command names (help), symbols and breakpoint locations from the session, files.
 */
@SuppressWarnings("deprecation") // FileNameCompleter: the one in jline-reader (no jline-builtins here)
final class ReplCompleter implements Completer {
    private final CommandInterpreter interpreter;
    private final Completer files = new FileNameCompleter();

    ReplCompleter(CommandInterpreter interpreter) {
        this.interpreter = interpreter;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        if (line.wordIndex() == 0) {
            interpreter.commandWords(word).forEach(w -> candidates.add(new Candidate(w)));
            return;
        }
        String command = line.words().get(0);
        int slash = command.indexOf('/');
        if (slash > 0) command = command.substring(0, slash); // p/x foo
        switch (interpreter.completionFor(command)) {
            case COMMAND -> interpreter.commandWords(word).forEach(w -> candidates.add(new Candidate(w)));
            case INFO -> {
                if (line.wordIndex() == 1) interpreter.infoWords(word).forEach(w -> candidates.add(new Candidate(w)));
                else if (line.words().get(1).startsWith("li")) symbols(word, candidates);
            }
            case SYMBOL -> symbols(word, candidates);
            case FILE -> files.complete(reader, line, candidates);
            default -> { }
        }
    }

    private void symbols(String word, List<Candidate> candidates) {
        if (word.startsWith("-")) return;
        String prefix = word.startsWith("*") ? word.substring(1) : word;
        for (String s : interpreter.symbols(prefix)) {
            // "file.c:" continues with a line number, so no space after it
            candidates.add(new Candidate(s, s, null, null, null, null, !s.endsWith(":")));
        }
    }
}
