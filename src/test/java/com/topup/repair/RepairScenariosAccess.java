package com.topup.repair;

import com.topup.support.MerchantApi;

/** The repair scenarios' money checks for tests of the repair feature's sub-packages. */
public final class RepairScenariosAccess {

    private RepairScenariosAccess() {
    }

    public static long ledgerRows(String orderId, String kind) {
        return RepairScenarios.ledgerRows(orderId, kind);
    }

    public static void moneyMovedOnce(String orderId) {
        RepairScenarios.moneyMovedOnce(orderId, MerchantApi.DEMO);
    }
}
