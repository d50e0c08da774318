/**
 * Puts a debugger on a target: the one place that knows both the debugger core (which drives only
 * {@link io.jrrtui.target.Target}) and the concrete targets (a replay session), so neither has to
 * know the other.
 */
package io.jrrtui.session;
