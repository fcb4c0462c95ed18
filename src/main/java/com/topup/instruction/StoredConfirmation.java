package com.topup.instruction;

import java.time.Instant;
import java.util.List;

/** A row of {@code instruction_confirmation}. */
record StoredConfirmation(String tokenHash, long merchantId, List<StoredItem> items, long totalPrice, String notifyUrl,
                          Instant expiresAt, boolean confirmed, String orderIdPrefix, List<String> orderIds) {
}
