package com.topup.carrier;

/** A portability override as the lookup tables read it: the hashed number and the carrier it moved to. */
public record PortedNumber(String phoneHash, Carrier carrier) {
}
