/**
 * Syscall decoding in strace notation for people reading a recording: argument names for flags and
 * constants, fds annotated with the file they were opened on, strings and structs taken from the
 * memory the recording holds at that event (what the kernel wrote, and read-only file mappings), and
 * results with errno names. It only reads trace events; {@link io.jrrtui.sysdecode.TraceDecoder}
 * walks them in order, {@link io.jrrtui.sysdecode.CallDecoder} formats one call. When a value is not
 * in the recording it is printed raw (a pointer as hex), never guessed.
 */
package io.jrrtui.sysdecode;
