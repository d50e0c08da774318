package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code help} names every command of the command table with a one-line description, {@code help
 * info} every info subcommand, and README's command reference mentions each of them: a command
 * added without its help or its README line fails here.
 */
class HelpAndReadmeTest {
    private final CommandInterpreter interp = new CommandInterpreter(new FakeSession());

    private String run(String line) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        interp.execute(line, out, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Each command's name, from the interpreter's own table (every word completion offers, aliases resolved). */
    private List<String> commandNames() {
        List<String> names = new ArrayList<>();
        for (String w : interp.commandWords("")) {
            String help = run("help " + w);
            assertTrue(help.contains("Usage: "), "help " + w + " has no usage:\n" + help);
            String usage = help.substring(help.indexOf("Usage: ") + 7).split("[\\s\\[]", 2)[0];
            if (!names.contains(usage)) names.add(usage);
        }
        return names;
    }

    @Test
    void helpListsEveryCommandWithOneLine() {
        String help = run("help");
        List<String> names = commandNames();
        assertTrue(names.size() > 60, names.toString());
        for (String name : names) {
            var m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(, [^ ]+)* -- (.+)$").matcher(help);
            assertTrue(m.find(), "help does not list " + name + ":\n" + help);
            assertTrue(m.group(2).length() > 10 && m.group(2).endsWith("."), "one line for " + name + ": " + m.group(2));
        }
        long rows = help.lines().filter(l -> l.contains(" -- ")).count();
        assertEquals(names.size(), rows, "help lists each command once");
    }

    @Test
    void readmeNamesEveryCommandAndInfoSubcommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String reference = readme.substring(readme.indexOf("Commands (gdb's names"), readme.indexOf("Going back stays quick"));
        List<String> missing = new ArrayList<>();
        for (String name : commandNames()) {
            if (!Pattern.compile("`" + Pattern.quote(name) + "[`/ ]").matcher(reference).find()) missing.add(name);
        }
        for (String sub : interp.infoWords("")) {
            if (!Pattern.compile("[`|]" + Pattern.quote(sub) + "[`|]|`info " + Pattern.quote(sub) + "[`| ]").matcher(reference).find()) {
                missing.add("info " + sub);
            }
        }
        assertEquals(List.of(), missing, "commands README's command reference does not name");
    }
}
