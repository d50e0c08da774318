package io.jrrtui.api;

import java.util.List;

/** One frame of a backtrace: level, pc, function, arguments as name/value, source position. */
public record FrameInfo(int level, SourceLocation where, List<Variable> args, boolean pcIsExact) {}
