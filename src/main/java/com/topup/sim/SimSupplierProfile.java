package com.topup.sim;

/** One simulated supplier as the profile file describes it. */
public record SimSupplierProfile(String code, String name, String protocol, String secret, SupplierBehaviour behaviour) {
}
