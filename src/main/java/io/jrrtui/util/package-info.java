/** Small shared pieces with no better home: the user-facing error type and argument helpers. */
package io.jrrtui.util;
