package io.jrrtui.tui;

/** Everything a key can do, with the words the help overlay shows. */
enum Action {
    CONTINUE("continue"), REVERSE_CONTINUE("reverse-continue"),
    NEXT("next line"), REVERSE_NEXT("reverse-next"),
    STEP("step into"), REVERSE_STEP("reverse-step"),
    STEPI("step one instruction"), REVERSE_STEPI("reverse-stepi"),
    FINISH("finish the function"), REVERSE_FINISH("reverse-finish (back to the call)"),
    TOGGLE_BREAKPOINT("toggle breakpoint on the selected source line"),
    ADD_WATCH("add a watch expression"), REMOVE_WATCH("remove the selected watch (Watch pane)"),
    GOTO_EVENT("go to event N"), FILTER_TIMELINE("timeline: only events whose text, syscall or thread (t123) matches; empty clears"), PREV_EVENT("go to the previous event"), NEXT_EVENT("go to the next event"),
    UNDO("undo a jump in time"), REDO("redo a jump in time"),
    SET_BOOKMARK("m + letter: bookmark this moment"), GO_BOOKMARK("' + letter: go to a bookmark"),
    COMMAND("command line (every REPL command)"), HELP("this help"), QUIT("quit"),
    FOCUS_NEXT("focus the next pane"), FOCUS_PREV("focus the previous pane"),
    HIDE_PANE("hide the focused pane"), SHOW_ALL("show all panes"),
    GROW("make the focused pane taller"), SHRINK("make the focused pane shorter"),
    WIDEN_LEFT("widen the left column"), NARROW_LEFT("narrow the left column"),
    INTERRUPT("interrupt the running move where it got to (and drop the moves and commands typed ahead)");

    final String help;

    Action(String help) {
        this.help = help;
    }
}
