package kautz.ports;

import com.google.common.collect.ImmutableList;

/**
 * A named vector of bits as the user sees it: kernel parameter {@code a: u<8>} is port {@code a} of width 8
 * whose bits are the bit-level signals {@code a[0]..a[7]}. {@code positions.get(i)} is the index, in the
 * bit-level list the port was grouped from, of bit {@code i} (bit 0 least significant).
 */
public record Port(String name, ImmutableList<Integer> positions) {
    public int width() { return positions.size(); }
}
