package io.jrrtui.trace;

/** A trapped rdtsc or rdtscp at rip, with the value the recorder read (and TSC_AUX for rdtscp). */
public record RdtscEvent(long number, int tid, long rip, long value, int aux, boolean rdtscp) implements Event {
    @Override
    public String describe() {
        return (rdtscp ? "rdtscp" : "rdtsc") + " at 0x" + Long.toHexString(rip) + " = " + value;
    }
}
