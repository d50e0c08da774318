/**
 * The one interface the debugger core drives (DESIGN §8): a stopped program whose registers and
 * memory can be read, which can be run forward to a point in time. Replay sessions implement it;
 * reverse execution is layered on top by the timeline.
 */
package io.jrrtui.target;
