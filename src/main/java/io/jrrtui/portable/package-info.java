/**
 * Recordings that travel: {@link io.jrrtui.portable.PackPlan} lists every file a trace refers to
 * outside itself (stored contents in its trace store, the shared libraries it mapped, their separate
 * debug files, the source files their line tables name); {@link io.jrrtui.portable.Packer} copies
 * them into the trace ({@code jrrtui pack}); {@link io.jrrtui.portable.TraceArchive} writes a trace
 * and those files as one {@code .tar.zst} ({@code export}) and unpacks one into a trace store
 * ({@code import}), refusing anything that is not a plain file or folder inside the recording.
 */
package io.jrrtui.portable;
