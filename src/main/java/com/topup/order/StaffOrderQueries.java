package com.topup.order;

import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Any merchant's order, for staff. */
@ApplicationScoped
public class StaffOrderQueries {

    @Transactional
    public OrderView byId(String orderId) {
        TopUpOrder order = TopUpOrder.findById(orderId);
        if (order == null) {
            throw new ApiException(404, "ORDER_NOT_FOUND", "No such order");
        }
        return OrderView.of(order);
    }
}
