package com.topup.merchant;

import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A merchant's IP allow-list: addresses and CIDR blocks, IPv4 or IPv6. An absent list allows every address; a
 * present one allows only the addresses inside one of its blocks.
 */
public final class IpAllowList {

    /** At most this many entries per merchant. */
    public static final int MAX_ENTRIES = 100;

    private static final IpAllowList ANY = new IpAllowList(null);

    private final List<CidrAddress> blocks;

    private IpAllowList(List<CidrAddress> blocks) {
        this.blocks = blocks;
    }

    public static IpAllowList any() {
        return ANY;
    }

    /**
     * @param entries addresses ({@code 203.0.113.7}) or blocks ({@code 203.0.113.0/24}); null for no list
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    public static IpAllowList of(List<String> entries) {
        if (entries == null) {
            return ANY;
        }
        List<CidrAddress> blocks = new ArrayList<>(entries.size());
        for (String entry : entries) {
            blocks.add(parse(entry));
        }
        return new IpAllowList(List.copyOf(blocks));
    }

    public boolean restricts() {
        return blocks != null;
    }

    /** Whether a caller's address may use the merchant's credentials; an unreadable address is not allowed by a list. */
    public boolean allows(String address) {
        if (blocks == null) {
            return true;
        }
        InetAddress caller = address == null ? null : Inet.parseInetAddress(address);
        if (caller == null) {
            return false;
        }
        for (CidrAddress block : blocks) {
            if (block.matches(caller)) {
                return true;
            }
        }
        return false;
    }

    /** The entries in canonical form ({@code 203.0.113.0/24}, {@code 2001:db8::/32}); null for no list. */
    public List<String> entries() {
        return blocks == null ? null : blocks.stream().map(CidrAddress::toString).toList();
    }

    private static CidrAddress parse(String entry) {
        String text = entry == null ? "" : entry.strip();
        if (text.isEmpty() || text.length() > 64) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
        CidrAddress block;
        if (text.indexOf('/') >= 0) {
            block = Inet.parseCidrAddress(text);
        } else {
            InetAddress address = Inet.parseInetAddress(text);
            block = address == null ? null : CidrAddress.create(address, address.getAddress().length * 8);
        }
        if (block == null) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
        }
        return block;
    }
}
