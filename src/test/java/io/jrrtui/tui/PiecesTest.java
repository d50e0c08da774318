package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TUI's pure parts: layout, scrubber arithmetic, undo history, the prompt editor. */
class PiecesTest {
    private static Panes panes() {
        return new Panes(new TuiState());
    }

    @Test
    void layoutFillsTwoColumnsAboveTheStatusLine() {
        Panes p = panes();
        Map<Pane, PaneLayout.Rect> r = p.layout.place(160, 50);
        assertEquals(9, r.size());
        int left = 0, right = 0;
        for (Map.Entry<Pane, PaneLayout.Rect> e : r.entrySet()) {
            if (e.getValue().left() == 0) left += e.getValue().height();
            else right += e.getValue().height();
            assertTrue(e.getValue().height() >= PaneLayout.MIN_HEIGHT);
        }
        assertEquals(49, left);
        assertEquals(49, right);
        int sep = p.layout.separatorColumn(160);
        assertEquals(sep + 1, r.get(p.registers).left());
        assertEquals(160 - sep - 1, r.get(p.registers).width());
    }

    @Test
    void hiddenPanesGiveTheirRoomAwayAndAnEmptyColumnGivesItsWidth() {
        Panes p = panes();
        int before = p.layout.place(160, 50).get(p.source).height();
        p.disassembly.hidden = true;
        Map<Pane, PaneLayout.Rect> r = p.layout.place(160, 50);
        assertFalse(r.containsKey(p.disassembly));
        assertTrue(r.get(p.source).height() > before);
        for (Pane pane : List.of(p.registers, p.watch, p.backtrace, p.threads, p.output)) pane.hidden = true;
        assertEquals(-1, p.layout.separatorColumn(160));
        assertEquals(160, p.layout.place(160, 50).get(p.source).width());
    }

    @Test
    void aShortScreenDropsTheLastPanesOfAColumn() {
        Map<Pane, PaneLayout.Rect> r = panes().layout.place(80, 6);
        assertEquals(4, r.size(), "two panes of two rows per column fit in five rows: " + r.keySet());
    }

    @Test
    void scrubberCellsAndClicksMapToEvents() {
        assertEquals(0, Scrubber.cellOf(1, 100, 1000));
        assertEquals(99, Scrubber.cellOf(1000, 100, 1000));
        assertEquals(49, Scrubber.cellOf(500, 100, 1000));
        for (int col = 0; col < 100; col++) assertEquals(col, Scrubber.cellOf(Scrubber.eventAt(col, 100, 1000), 100, 1000));
        // fewer events than cells: each event has a cell of its own, and a click there goes to it
        for (long n = 1; n <= 43; n++) assertEquals(n, Scrubber.eventAt(Scrubber.cellOf(n, 100, 43), 100, 43));
        assertEquals(43, Scrubber.eventAt(99, 100, 43));
        for (long n = 1; n <= 1000; n++) {
            int c = Scrubber.cellOf(n, 100, 1000);
            assertTrue(Scrubber.firstEvent(c, 100, 1000) <= n && n <= Scrubber.lastEvent(c, 100, 1000), "event " + n);
        }
    }

    @Test
    void undoAndRedoWalkThePositionsVisited() {
        TimeHistory h = new TimeHistory();
        assertNull(h.undo(new TimeHistory.Moment(5)));
        assertNull(h.moved(0), "before the first event there is nothing to come back to");
        h.moved(1);
        h.moved(10);
        h.moved(20);
        assertEquals(20, h.undo(new TimeHistory.Moment(30)).event);
        assertEquals(10, h.undo(new TimeHistory.Moment(20)).event);
        assertEquals(20, h.redo(new TimeHistory.Moment(10)).event);
        assertEquals(30, h.redo(new TimeHistory.Moment(20)).event);
        assertNull(h.redo(new TimeHistory.Moment(30)));
        h.moved(30);
        assertEquals(30, h.undo(new TimeHistory.Moment(40)).event);
        h.moved(30);
        assertNull(h.redo(new TimeHistory.Moment(30)), "a new move forgets the redo list");
    }

    @Test
    void onlyTheNearestMomentsKeepTheirCheckpointsAndTheOthersAreGivenBack() {
        TimeHistory h = new TimeHistory();
        for (int i = 1; i <= TimeHistory.CHECKPOINTS + 3; i++) h.moved(i * 10).checkpointTaken(100 + i);
        h.moved(1000); // thinning happens on the next change
        assertEquals(List.of(101, 102, 103), h.takeDropped(), "the three oldest give theirs back");
        assertEquals(List.of(), h.takeDropped(), "each once");
        TimeHistory.Moment now = new TimeHistory.Moment(2000);
        now.checkpointTaken(500);
        TimeHistory.Moment back = h.undo(now);
        assertEquals(List.of(104), h.takeDropped(), "the farthest one gives way to the redo point");
        assertEquals(1000, back.event);
        assertEquals(0, back.checkpoint(), "the move from 1000 had no checkpoint taken");
        TimeHistory.Moment earlier = h.undo(new TimeHistory.Moment(1000));
        assertEquals(100 + TimeHistory.CHECKPOINTS + 3, earlier.checkpoint(), "undo restores this one");
        h.arrivedAt(earlier);
        assertEquals(List.of(100 + TimeHistory.CHECKPOINTS + 3), h.takeDropped(), "restored: no longer needed");
        h.moved(190);
        assertEquals(List.of(500), h.takeDropped(), "a new move forgets the redo list and its checkpoints");
    }

    @Test
    void promptEditsRecallsAndSubmits() {
        List<String> history = new ArrayList<>(List.of("print a"));
        List<String> submitted = new ArrayList<>();
        Prompt p = new Prompt("(jrr) ", history, submitted::add);
        for (char c : "pint x".toCharArray()) p.handle(new KeyStroke(c, false, false));
        for (int i = 0; i < 5; i++) p.handle(new KeyStroke(KeyType.ArrowLeft));
        p.handle(new KeyStroke('r', false, false));
        assertEquals("print x", p.text());
        assertEquals("(jrr) ".length() + 2, p.cursorColumn());
        p.handle(new KeyStroke(KeyType.ArrowUp));
        assertEquals("print a", p.text());
        p.handle(new KeyStroke(KeyType.ArrowDown));
        assertEquals("", p.text());
        p.handle(new KeyStroke('q', false, false));
        p.handle(new KeyStroke(KeyType.Enter));
        assertTrue(p.done());
        assertEquals(List.of("q"), submitted);
        assertEquals(List.of("print a", "q"), history);
        Prompt cancelled = new Prompt("watch: ", history, submitted::add);
        cancelled.handle(new KeyStroke('x', false, false));
        cancelled.handle(new KeyStroke(KeyType.Escape));
        assertTrue(cancelled.done());
        assertEquals(1, submitted.size());
    }

    @Test
    void labelOffsetsFindTheFunctionStart() {
        assertEquals(13, SnapshotLoader.labelOffset("scribble+13"));
        assertEquals(0, SnapshotLoader.labelOffset("main"));
        assertEquals(0, SnapshotLoader.labelOffset(""));
        assertEquals(0, SnapshotLoader.labelOffset(null));
        assertEquals(16, SnapshotLoader.labelOffset("f+0x10"));
    }

    @Test
    void outputChunksSplitIntoLinesWithTheirEvent() {
        List<OutputPane.Line> lines = OutputPane.split(List.of(new io.jrrtui.api.OutputChunk(42, 1, "a\nb\n"),
                new io.jrrtui.api.OutputChunk(43, 2, "partial")));
        assertEquals(List.of(new OutputPane.Line(42, 1, "a"), new OutputPane.Line(42, 1, "b"), new OutputPane.Line(43, 2, "partial")), lines);
    }
}
