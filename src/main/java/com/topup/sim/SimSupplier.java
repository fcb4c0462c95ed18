package com.topup.sim;

import java.util.Set;

/**
 * A simulated supplier as a channel sees it: register it as a channel with this code, protocol, secret and the base URL
 * {@link SimSuppliers#baseUrl(SimSupplier)}. {@code carriers} are the carriers it serves.
 */
public record SimSupplier(String code, String name, String protocol, String secret, String basePath, Set<String> carriers) {
}
