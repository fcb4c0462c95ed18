package com.topup.order;

import java.util.List;

/** A page of the staff order search, newest first; {@code nextCursor} continues it (null at the end). */
public record OrderPage(List<StaffOrderView> items, String nextCursor) {
}
