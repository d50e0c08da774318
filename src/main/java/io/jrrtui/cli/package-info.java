/**
 * Command-line entry point: {@link io.jrrtui.cli.Main} and one class per subcommand
 * (record, replay, ls, rm, dump, symbols, ...). Parses arguments, turns every failure into one
 * clear line on stderr and an exit status, and never shows a Java stack trace to the user.
 */
package io.jrrtui.cli;
