/**
 * Symbol name demangling, written from the published schemes: the Itanium C++ ABI ({@code _Z...}),
 * Rust legacy ({@code _ZN...17h<hash>E}) and Rust v0 ({@code _R...}). {@link io.jrrtui.demangle.Demangler}
 * detects the scheme; malformed names give an empty result, never an exception. Pure, no I/O.
 */
package io.jrrtui.demangle;
