package io.jrrtui.repl;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Commands by name and alias, resolved as gdb does: an exact name or alias first, then a unique
 * prefix of a name ("cont" is continue); an ambiguous prefix names the candidates.
 */
final class CommandTable {
    private final Map<String, ReplCommand> byName = new LinkedHashMap<>();
    private final Map<String, ReplCommand> byAlias = new LinkedHashMap<>();
    private final String undefinedFormat;

    /** @param undefinedFormat the message for an unknown word, with %s for it */
    CommandTable(String undefinedFormat) {
        this.undefinedFormat = undefinedFormat;
    }

    void add(ReplCommand c) {
        byName.put(c.name(), c);
        for (String a : c.aliases()) byAlias.put(a, c);
    }

    void addAll(List<? extends ReplCommand> cs) {
        cs.forEach(this::add);
    }

    /** The command the word names; JrrException (gdb's wording) when unknown or ambiguous. */
    ReplCommand resolve(String word) {
        ReplCommand c = byName.get(word);
        if (c == null) c = byAlias.get(word);
        if (c != null) return c;
        TreeSet<String> matches = new TreeSet<>();
        for (String n : byName.keySet()) if (n.startsWith(word)) matches.add(n);
        if (matches.size() == 1) return byName.get(matches.first());
        if (matches.isEmpty() || word.isEmpty()) throw new JrrException(String.format(undefinedFormat, word));
        throw new JrrException("Ambiguous command \"" + word + "\": " + String.join(", ", matches) + ".");
    }

    /** Every command once, in the order added. */
    List<ReplCommand> commands() {
        return new ArrayList<>(byName.values());
    }

    /** Names and aliases starting with prefix, sorted. */
    List<String> wordsStartingWith(String prefix) {
        TreeSet<String> words = new TreeSet<>();
        for (String n : byName.keySet()) if (n.startsWith(prefix)) words.add(n);
        for (String n : byAlias.keySet()) if (n.startsWith(prefix)) words.add(n);
        return new ArrayList<>(words);
    }

    /** The length of the command word at the start of a line: letters, digits, '-' and '_' (gdb's rule). */
    static int wordEnd(String line) {
        int i = 0;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (!(Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) break;
            i++;
        }
        return i;
    }
}
