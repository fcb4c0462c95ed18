package com.topup.instruction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.topup.audit.Actor;
import com.topup.audit.AuditTrail;
import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.MerchantsForStaff;
import com.topup.order.OrderView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instructions typed by staff on a merchant's behalf (an operator at a service desk): understood and confirmed exactly
 * as the merchant's own, and each confirm that places orders is in the audit trail with who placed which items.
 */
@ApplicationScoped
public class StaffInstructionService {

    private final MerchantsForStaff merchants;
    private final InstructionService instructions;
    private final InstructionConfirmations confirmations;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public StaffInstructionService(MerchantsForStaff merchants, InstructionService instructions,
                                   InstructionConfirmations confirmations, AuditTrail audit, ObjectMapper json) {
        this.merchants = merchants;
        this.instructions = instructions;
        this.confirmations = confirmations;
        this.audit = audit;
        this.json = json;
    }

    /** @param body {@code {"text", "notifyUrl"?}}, null when there was none */
    public InstructionView understand(String merchantCode, JsonNode body) {
        AuthenticatedMerchant merchant = merchants.actAs(merchantCode);
        return instructions.understand(merchant, InstructionRequestParser.instruction(body));
    }

    /** @param body {@code {"merchantOrderIdPrefix"}}, null when there was none */
    @Transactional
    public InstructionConfirmations.Confirmed confirm(String merchantCode, String token, JsonNode body, Actor actor) {
        AuthenticatedMerchant merchant = merchants.actAs(merchantCode);
        String prefix = InstructionRequestParser.merchantOrderIdPrefix(body);
        InstructionConfirmations.Confirmed confirmed = confirmations.confirm(merchant, token, prefix);
        if (confirmed.created()) {
            audit.record(actor, "INSTRUCTION_CONFIRMED", "merchant:" + merchantCode, null, null,
                    placed(prefix, confirmed.orders()));
        }
        return confirmed;
    }

    private String placed(String prefix, List<OrderView> orders) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("merchantOrderIdPrefix", prefix);
        after.put("orders", orders.stream().map(o -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("orderId", o.orderId());
            item.put("merchantOrderId", o.merchantOrderId());
            item.put("phone", o.phone());
            item.put("carrier", o.carrier());
            item.put("faceValue", o.faceValue());
            item.put("price", o.price());
            return item;
        }).toList());
        after.put("totalPrice", orders.stream().mapToLong(OrderView::price).sum());
        try {
            return json.writeValueAsString(after);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
