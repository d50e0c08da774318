package io.jrrtui.trace;

/**
 * A file mapped by the program (mmap of a file descriptor) at event {@code event}: where, with
 * which protection and flags, and the identity of the file so symbols can be loaded for it. The
 * mapped bytes themselves are a memory write of that mmap event.
 */
public record Mapping(long event, long addr, long length, int prot, int flags, long offset, String path,
        long device, long inode, long fileSize, long mtimeNanos) {}
