package org.driverhost.lua.internal.deploy;

/**
 * Bounds on what one {@code .c4z} may unpack to, so that a zip bomb cannot fill the disk. Sizes are counted
 * from the bytes actually inflated, not from the sizes the zip declares.
 *
 * @param maxEntries maximum number of entries, folders included
 * @param maxTotalBytes maximum sum of the uncompressed sizes of all files
 * @param maxEntryBytes maximum uncompressed size of one file
 */
public record UnpackLimits(int maxEntries, long maxTotalBytes, long maxEntryBytes) {

    /** Limits far above real drivers, which are a few hundred kilobytes with a few dozen files. */
    public static final UnpackLimits DEFAULT = new UnpackLimits(10_000, 64L << 20, 32L << 20);
}
