package com.topup.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpAllowListTest {

    @Test
    void noListAllowsEveryone() {
        IpAllowList any = IpAllowList.of(null);
        assertFalse(any.restricts());
        assertTrue(any.allows("198.51.100.1"));
        assertTrue(any.allows(null));
        assertNull(any.entries());
    }

    @Test
    void blocksAndSingleAddressesMatchTheirAddressesOnly() {
        IpAllowList list = IpAllowList.of(List.of("203.0.113.0/24", "198.51.100.7", "2001:db8::/32"));
        assertTrue(list.allows("203.0.113.0"));
        assertTrue(list.allows("203.0.113.255"));
        assertFalse(list.allows("203.0.114.0"));
        assertTrue(list.allows("198.51.100.7"));
        assertFalse(list.allows("198.51.100.8"));
        assertTrue(list.allows("2001:db8:1::5"));
        assertFalse(list.allows("2001:db9::1"));
        assertFalse(list.allows("127.0.0.1"));
    }

    @Test
    void anUnreadableCallerAddressIsNotAllowedByAList() {
        IpAllowList list = IpAllowList.of(List.of("0.0.0.0/0"));
        assertTrue(list.allows("192.0.2.1"));
        assertFalse(list.allows(null));
        assertFalse(list.allows("localhost"));
        assertFalse(list.allows("999.1.1.1"));
    }

    @Test
    void entriesAreCanonical() {
        assertEquals(List.of("203.0.113.0/24", "198.51.100.7/32", "2001:db8::/32"),
                IpAllowList.of(List.of(" 203.0.113.0/24 ", "198.51.100.7", "2001:0db8:0000::/32")).entries());
    }

    @Test
    void anythingElseIsRefusedWithTheEntry() {
        for (String bad : new String[] {"", " ", "10.0.0.0/33", "10.0.0", "10.0.0.1/", "/8", "example.com", "::g", "1.2.3.4/-1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpAllowList.of(List.of(bad)), bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> IpAllowList.of(java.util.Arrays.asList("10.0.0.1", null)));
    }
}
