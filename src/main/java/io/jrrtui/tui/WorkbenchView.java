package io.jrrtui.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractInteractableComponent;
import com.googlecode.lanterna.gui2.InteractableRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;

/** The one Lanterna component: it hands every key to the {@link Workbench} and draws it with a {@link Painter}. */
final class WorkbenchView extends AbstractInteractableComponent<WorkbenchView> {
    private final Workbench workbench;
    private final Painter painter;

    WorkbenchView(Workbench workbench, Theme theme) {
        this.workbench = workbench;
        this.painter = new Painter(workbench, theme);
    }

    @Override
    protected InteractableRenderer<WorkbenchView> createDefaultRenderer() {
        return new InteractableRenderer<>() {
            @Override
            public TerminalPosition getCursorLocation(WorkbenchView view) {
                return painter.cursor();
            }

            @Override
            public TerminalSize getPreferredSize(WorkbenchView view) {
                return view.getTextGUI() == null ? new TerminalSize(80, 24) : view.getTextGUI().getScreen().getTerminalSize();
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, WorkbenchView view) {
                painter.paint(graphics);
            }
        };
    }

    @Override
    protected Result handleKeyStroke(KeyStroke keyStroke) {
        workbench.handle(keyStroke);
        invalidate();
        return Result.HANDLED;
    }

    @Override
    public boolean isFocusable() {
        return true;
    }
}
