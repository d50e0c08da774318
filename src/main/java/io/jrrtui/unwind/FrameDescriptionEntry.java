package io.jrrtui.unwind;

import java.nio.ByteBuffer;

/** A parsed FDE: the pc range [pcBegin, pcEnd) it covers, its CIE and its instructions. */
record FrameDescriptionEntry(long offset, CommonInfoEntry cie, long pcBegin, long pcEnd, ByteBuffer instructions) {
    boolean covers(long pc) {
        return Long.compareUnsigned(pc, pcBegin) >= 0 && Long.compareUnsigned(pc, pcEnd) < 0;
    }
}
