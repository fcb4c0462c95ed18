package com.topup.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.topup.carrier.CarrierService;
import com.topup.carrier.PhoneLookup;
import com.topup.carrier.ProductCatalogue;
import com.topup.common.crypto.PhoneCrypto;
import com.topup.merchant.AuthenticatedMerchant;
import com.topup.web.ApiException;
import com.topup.web.ErrorBody;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Order intake: validates the request, detects the carrier, checks the catalogue, prices it, and hands it to
 * {@link OrderStore}, which writes the order, the debit and the outbox events in one transaction.
 */
@ApplicationScoped
public class OrderIntakeService {

    public static final int MAX_BATCH = 500;

    private final CarrierService carriers;
    private final ProductCatalogue catalogue;
    private final PhoneCrypto phoneCrypto;
    private final OrderStore store;

    public OrderIntakeService(CarrierService carriers, ProductCatalogue catalogue, PhoneCrypto phoneCrypto, OrderStore store) {
        this.carriers = carriers;
        this.catalogue = catalogue;
        this.phoneCrypto = phoneCrypto;
        this.store = store;
    }

    public IntakeResult place(AuthenticatedMerchant merchant, JsonNode body) {
        return place(merchant, OrderRequestParser.parse(body));
    }

    public IntakeResult place(AuthenticatedMerchant merchant, OrderRequest request) {
        PhoneLookup phone = carriers.lookup(request.phone());
        if (!catalogue.offers(phone.carrier(), request.faceValue())) {
            throw new ApiException(422, "UNSUPPORTED_FACE_VALUE",
                    "Face value " + request.faceValue() + " is not offered for " + phone.carrier(),
                    Map.of("faceValues", catalogue.faceValues(phone.carrier())));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        NewOrder order = new NewOrder(OrderIds.next(now), merchant.id(), merchant.code(), request.merchantOrderId(),
                phoneCrypto.encrypt(phone.e164()), phoneCrypto.hash(phone.e164()), phone.masked(),
                phone.country(), phone.carrier().name(), phone.province(), phone.city(),
                request.faceValue(), merchant.priceFor(request.faceValue()), request.notifyUrl(), now);
        return store.create(order);
    }

    /** Places each order on its own: one bad item never affects the others. */
    public List<BatchItemResult> placeBatch(AuthenticatedMerchant merchant, JsonNode body) {
        JsonNode orders = body == null ? null : body.get("orders");
        if (orders == null || !orders.isArray()) {
            throw new ApiException(400, "INVALID_REQUEST", "Body must be {\"orders\": [...]}", Map.of("field", "orders"));
        }
        if (orders.isEmpty() || orders.size() > MAX_BATCH) {
            throw new ApiException(400, "INVALID_REQUEST", "A batch holds 1 to " + MAX_BATCH + " orders",
                    Map.of("field", "orders", "size", orders.size()));
        }
        List<BatchItemResult> results = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            try {
                IntakeResult result = place(merchant, orders.get(i));
                results.add(BatchItemResult.ok(i, result.created() ? 201 : 200, result.order()));
            } catch (ApiException e) {
                results.add(BatchItemResult.error(i, e.status(), new ErrorBody(e.code(), e.getMessage(), e.details())));
            }
        }
        return results;
    }
}
