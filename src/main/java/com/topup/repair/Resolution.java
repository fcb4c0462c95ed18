package com.topup.repair;

import com.topup.rules.model.AnomalyKind;
import java.util.EnumSet;
import java.util.Set;

/** How an anomaly was closed: by the platform itself, or by an operator's choice (CONTRACT §3). */
public enum Resolution {
    /** The repair rules or the order's own course settled it (a reversal, the order finishing). */
    AUTOMATIC,
    /** The top-up happened after the refund: the merchant pays the price again and the order succeeds. */
    RECHARGE_MERCHANT,
    /** The platform absorbs the money at stake. */
    WRITE_OFF,
    /** Nothing to do: not a real anomaly, or handled elsewhere (e.g. through the order's actions). */
    DISMISS;

    private static final Set<AnomalyKind> MONEY_FROM_MERCHANT =
            EnumSet.of(AnomalyKind.SUCCESS_AFTER_REFUND, AnomalyKind.SUPPLIER_CHARGED_NOT_RECORDED);
    private static final Set<AnomalyKind> MONEY_AT_STAKE = EnumSet.of(AnomalyKind.SUCCESS_AFTER_REFUND,
            AnomalyKind.SUPPLIER_CHARGED_NOT_RECORDED, AnomalyKind.DUPLICATE_SUCCESS, AnomalyKind.SUPPLIER_MISSING_SUCCESS,
            AnomalyKind.STATEMENT_AMOUNT_DIFFERENCE);

    /** The resolutions an operator may choose for an anomaly of this kind. */
    public static Set<Resolution> forOperators(AnomalyKind kind) {
        Set<Resolution> allowed = EnumSet.of(DISMISS);
        if (MONEY_AT_STAKE.contains(kind)) {
            allowed.add(WRITE_OFF);
        }
        if (MONEY_FROM_MERCHANT.contains(kind)) {
            allowed.add(RECHARGE_MERCHANT);
        }
        return allowed;
    }
}
