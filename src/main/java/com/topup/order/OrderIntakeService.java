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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Order intake: validates the request, detects the carrier, checks the catalogue, prices it, and hands it to
 * {@link OrderStore}, which writes the order, the debit and the outbox events in one transaction (a batch's orders
 * together in one, when it can).
 */
@ApplicationScoped
public class OrderIntakeService {

    public static final int MAX_BATCH = 500;

    private final CarrierService carriers;
    private final ProductCatalogue catalogue;
    private final PhoneCrypto phoneCrypto;
    private final OrderStore store;
    private final IntakeCombiner combiner;

    public OrderIntakeService(CarrierService carriers, ProductCatalogue catalogue, PhoneCrypto phoneCrypto, OrderStore store,
                              IntakeCombiner combiner) {
        this.carriers = carriers;
        this.catalogue = catalogue;
        this.phoneCrypto = phoneCrypto;
        this.store = store;
        this.combiner = combiner;
    }

    /** A merchant's request, outside any transaction: stored together with the merchant's concurrent requests. */
    public IntakeResult place(AuthenticatedMerchant merchant, JsonNode body) {
        return combiner.place(priced(merchant, OrderRequestParser.parse(body)));
    }

    /** Inside the caller's transaction, if it has one. */
    public IntakeResult place(AuthenticatedMerchant merchant, OrderRequest request) {
        return store.create(priced(merchant, request));
    }

    /**
     * Each item succeeds or fails on its own: items that do not validate get their error, and the valid ones are
     * stored together when they can all be (one transaction and one debit for the whole batch), else one by one.
     */
    public List<BatchItemResult> placeBatch(AuthenticatedMerchant merchant, JsonNode body) {
        JsonNode orders = body == null ? null : body.get("orders");
        if (orders == null || !orders.isArray()) {
            throw new ApiException(400, "INVALID_REQUEST", "Body must be {\"orders\": [...]}", Map.of("field", "orders"));
        }
        if (orders.isEmpty() || orders.size() > MAX_BATCH) {
            throw new ApiException(400, "INVALID_REQUEST", "A batch holds 1 to " + MAX_BATCH + " orders",
                    Map.of("field", "orders", "size", orders.size()));
        }
        BatchItemResult[] results = new BatchItemResult[orders.size()];
        Map<Integer, NewOrder> valid = new LinkedHashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            try {
                valid.put(i, priced(merchant, OrderRequestParser.parse(orders.get(i))));
            } catch (ApiException e) {
                results[i] = refused(i, e);
            }
        }
        List<StoredOrder> stored = valid.isEmpty() ? List.of() : store.createEach(List.copyOf(valid.values()));
        Iterator<StoredOrder> outcomes = stored.iterator();
        valid.keySet().forEach(i -> results[i] = itemResult(i, outcomes.next()));
        return List.of(results);
    }

    private static BatchItemResult itemResult(int index, StoredOrder stored) {
        try {
            IntakeResult result = stored.answer();
            return BatchItemResult.ok(index, result.created() ? 201 : 200, result.order());
        } catch (ApiException e) {
            return refused(index, e);
        }
    }

    private static BatchItemResult refused(int index, ApiException e) {
        return BatchItemResult.error(index, e.status(), new ErrorBody(e.code(), e.getMessage(), e.details()));
    }

    private NewOrder priced(AuthenticatedMerchant merchant, OrderRequest request) {
        PhoneLookup phone = carriers.lookup(request.phone());
        if (!catalogue.offers(phone.carrier(), request.faceValue())) {
            throw new ApiException(422, "UNSUPPORTED_FACE_VALUE",
                    "Face value " + request.faceValue() + " is not offered for " + phone.carrier(),
                    Map.of("faceValues", catalogue.faceValues(phone.carrier())));
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new NewOrder(OrderIds.next(now), merchant.id(), merchant.code(), request.merchantOrderId(),
                phoneCrypto.encrypt(phone.e164()), phoneCrypto.hash(phone.e164()), phone.masked(),
                phone.country(), phone.carrier().name(), phone.province(), phone.city(),
                request.faceValue(), merchant.priceFor(request.faceValue()), request.notifyUrl(), now);
    }
}
