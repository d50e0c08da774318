/**
 * The trace directory format: named block-compressed streams (events, data, mappings), the
 * trace.properties header, the incomplete marker, and where traces live on disk. Shared by the
 * recorder (writer) and the replayer/dump (reader) so the two can never disagree. Documented in
 * src/docs/trace-format.md; bump {@link io.jrrtui.trace.TraceFormat#VERSION} on every change.
 */
package io.jrrtui.trace;
