package com.topup.instruction;

import com.topup.common.crypto.PhoneCrypto;
import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.LedgerService;
import com.topup.order.IntakeResult;
import com.topup.order.OrderIntakeService;
import com.topup.order.OrderQueryService;
import com.topup.order.OrderRequest;
import com.topup.order.OrderView;
import com.topup.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Confirms an understood instruction: its items become ordinary orders through order intake (validation, carrier,
 * debit, outbox) in one transaction, all or none. The confirmation row is locked first, so a repeated or concurrent
 * confirm waits and then gets the same orders.
 */
@ApplicationScoped
public class InstructionConfirmations {

    private final ConfirmationStore store;
    private final OrderIntakeService intake;
    private final OrderQueryService orders;
    private final LedgerService ledger;
    private final PhoneCrypto phoneCrypto;

    public InstructionConfirmations(ConfirmationStore store, OrderIntakeService intake, OrderQueryService orders,
                                    LedgerService ledger, PhoneCrypto phoneCrypto) {
        this.store = store;
        this.intake = intake;
        this.orders = orders;
        this.ledger = ledger;
        this.phoneCrypto = phoneCrypto;
    }

    /** The orders, and whether this call placed them (false: a repeat of an earlier confirm). */
    public record Confirmed(List<OrderView> orders, boolean created) {
    }

    @Transactional
    public Confirmed confirm(AuthenticatedMerchant merchant, String token, String prefix) {
        String hash = ConfirmationTokens.hash(token);
        if (hash == null) {
            throw notFound();
        }
        StoredConfirmation confirmation = store.lock(hash, merchant.id()).orElseThrow(InstructionConfirmations::notFound);
        if (confirmation.confirmed()) {
            return repeated(merchant, confirmation, prefix);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (!confirmation.expiresAt().isAfter(now)) {
            throw notFound();
        }
        InstructionRequestParser.requireRoomFor(prefix, confirmation.items().size());
        long balance = ledger.balance(merchant.id());
        if (balance < confirmation.totalPrice()) {
            throw insufficient(confirmation.totalPrice(), balance);
        }
        List<OrderView> placed = new ArrayList<>(confirmation.items().size());
        try {
            for (int i = 0; i < confirmation.items().size(); i++) {
                StoredItem item = confirmation.items().get(i);
                String phone = phoneCrypto.decrypt(Base64.getDecoder().decode(item.phoneCipher()));
                IntakeResult result = intake.place(merchant,
                        new OrderRequest(prefix + "-" + (i + 1), phone, item.faceValue(), confirmation.notifyUrl()));
                placed.add(result.order());
            }
        } catch (ApiException e) {
            if ("INSUFFICIENT_BALANCE".equals(e.code())) {
                throw insufficient(confirmation.totalPrice(), balance);
            }
            throw e;
        }
        store.markConfirmed(hash, prefix, placed.stream().map(OrderView::orderId).toList(), now);
        return new Confirmed(placed, true);
    }

    private Confirmed repeated(AuthenticatedMerchant merchant, StoredConfirmation confirmation, String prefix) {
        if (!confirmation.orderIdPrefix().equals(prefix)) {
            throw new ApiException(409, "ALREADY_CONFIRMED", "This instruction was already confirmed under prefix "
                    + confirmation.orderIdPrefix(), Map.of("merchantOrderIdPrefix", confirmation.orderIdPrefix()));
        }
        return new Confirmed(confirmation.orderIds().stream().map(id -> orders.byId(merchant.id(), id)).toList(), false);
    }

    private static ApiException insufficient(long required, long balance) {
        return new ApiException(402, "INSUFFICIENT_BALANCE", "The balance does not cover the instruction's "
                + required + " fen; nothing was placed", Map.of("required", required, "balance", balance));
    }

    /** The one refusal for unknown, expired and other merchants' tokens: which of them it was is not told. */
    private static ApiException notFound() {
        return new ApiException(404, "CONFIRMATION_NOT_FOUND", "No such confirmation: unknown, expired or not yours");
    }
}
