package io.jrrtui.gdbserver;

import io.jrrtui.api.CheckpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.StopEvent;
import io.jrrtui.util.JrrException;
import java.util.List;

/**
 * gdb's {@code monitor CMD} (qRcmd), as rr's server offers: {@code when}, {@code goto N},
 * {@code checkpoint}, {@code restart N}, {@code help}. gdb keeps the registers and memory it read before a
 * move made here: {@code goto} and {@code restart} say to flush them (or use {@code starti N}).
 */
final class MonitorCommands {
    private static final String FLUSH = "gdb still shows the old position: run 'maint flush register-cache' and 'maint flush dcache' (or 'starti N' to start over at event N)";
    private final DebugSession session;

    MonitorCommands(DebugSession session) {
        this.session = session;
    }

    /** The lines the command prints (errors included, as gdb shows them). */
    List<String> run(String command) {
        String[] words = command.trim().split("\\s+");
        if (!session.canMove() && !words[0].equals("help") && !words[0].isEmpty()) {
            return List.of("The program is not being run: a core file has no events to go to.");
        }
        try {
            return switch (words[0]) {
                case "when" -> List.of("Current event: " + session.currentEvent() + " of " + session.eventCount());
                case "goto" -> moved(session.gotoEvent(number(words, "goto EVENT")));
                case "checkpoint" -> {
                    CheckpointInfo c = session.checkpoint();
                    yield List.of("Checkpoint " + c.number() + " at event " + c.event() + ".");
                }
                case "restart" -> moved(session.restart((int) number(words, "restart CHECKPOINT")));
                case "help", "" -> List.of("jrrtui monitor commands: when, goto EVENT, checkpoint, restart CHECKPOINT");
                default -> List.of("Unknown monitor command '" + words[0] + "' (monitor help lists them).");
            };
        } catch (JrrException e) {
            return List.of(e.getMessage());
        }
    }

    private static long number(String[] words, String usage) {
        if (words.length != 2) throw new JrrException("usage: monitor " + usage);
        try {
            return Long.parseLong(words[1]);
        } catch (NumberFormatException e) {
            throw new JrrException("usage: monitor " + usage);
        }
    }

    private List<String> moved(StopEvent s) {
        return List.of("Now at event " + s.event() + (s.where() != null && s.where().hasLine()
                ? " (" + s.where().function() + " at " + s.where().file() + ":" + s.where().line() + ")" : "") + ".", FLUSH);
    }
}
