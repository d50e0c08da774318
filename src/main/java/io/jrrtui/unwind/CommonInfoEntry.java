package io.jrrtui.unwind;

import java.nio.ByteBuffer;

/**
 * A parsed CIE: alignment factors, return-address column, pointer encodings from the augmentation
 * ({@code z}, {@code R}, {@code L}, {@code P}, {@code S}) and the initial instructions.
 */
record CommonInfoEntry(long offset, int version, String augmentation, long codeAlign, long dataAlign,
        int returnAddressRegister, int fdeEncoding, int lsdaEncoding, boolean hasAugmentationData,
        boolean signalFrame, int addressSize, ByteBuffer initialInstructions) {
}
