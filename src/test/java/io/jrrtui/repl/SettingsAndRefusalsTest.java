package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** gdb's settings on the command line, pretty printing, and the commands refused with a reason. */
class SettingsAndRefusalsTest {
    private final CommandInterpreter interp = new CommandInterpreter(new FakeSession());

    private String run(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        for (String l : lines) interp.execute(l, out, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void settingsAreAcceptedAndShown() {
        assertEquals("", run("set pagination off", "set confirm off", "set width 0", "set height 0", "set print pretty on"));
        assertEquals("State of pagination is off.\nNumber of characters gdb thinks are in a line is unlimited.\n"
                + "Pretty formatting of structures is on.\n", run("show pagination", "show width", "show print pretty"));
        assertEquals("\"on\" or \"off\" expected.\n", run("set pagination maybe"));
        assertEquals("Undefined set command: \"frobnicate 3\".  Try \"help set\".\n", run("set frobnicate 3"));
    }

    @Test
    void assignmentsAndImpossibleCommandsSayWhy() {
        assertTrue(run("set var counter = 3").startsWith("Cannot change the program's memory or registers in a replay"));
        assertTrue(run("jump 40").startsWith("jump cannot run in a replay"));
        assertTrue(run("python print(1)").startsWith("Python scripting is not supported in jrrtui"));
        assertTrue(run("define foo").startsWith("User-defined commands are not supported in jrrtui"));
    }

    @Test
    void prettyLaysOutStructMembersOneALineAndKeepsArraysAndStringsWhole() {
        assertEquals("{\n  val = 22,\n  next = 0x0\n}", Settings.pretty("{val = 22, next = 0x0}"));
        assertEquals("{{\n    val = 11,\n    next = 0x0\n  }, {\n    val = 22,\n    next = 0x0\n  }}",
                Settings.pretty("{{val = 11, next = 0x0}, {val = 22, next = 0x0}}"));
        assertEquals("{\n  name = \"a, {b = c}\",\n  xs = {1, 2, 3}\n}", Settings.pretty("{name = \"a, {b = c}\", xs = {1, 2, 3}}"));
        assertEquals("{1, 2, 3}", Settings.pretty("{1, 2, 3}"));
    }
}
