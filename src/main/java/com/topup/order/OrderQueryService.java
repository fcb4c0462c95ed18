package com.topup.order;

import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A merchant's view of its own orders; another merchant's order is indistinguishable from a missing one. */
@ApplicationScoped
public class OrderQueryService {

    @Transactional
    public OrderView byId(long merchantId, String orderId) {
        return TopUpOrder.<TopUpOrder>find("id = ?1 and merchantId = ?2", orderId, merchantId)
                .firstResultOptional()
                .map(OrderView::of)
                .orElseThrow(OrderQueryService::notFound);
    }

    @Transactional
    public OrderView byMerchantOrderId(long merchantId, String merchantOrderId) {
        return TopUpOrder.<TopUpOrder>find("merchantId = ?1 and merchantOrderId = ?2", merchantId, merchantOrderId)
                .firstResultOptional()
                .map(OrderView::of)
                .orElseThrow(OrderQueryService::notFound);
    }

    private static ApiException notFound() {
        return new ApiException(404, "ORDER_NOT_FOUND", "No such order");
    }
}
