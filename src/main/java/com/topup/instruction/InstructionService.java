package com.topup.instruction;

import com.topup.common.crypto.PhoneCrypto;
import com.topup.instruction.reading.InstructionInterpreter;
import com.topup.instruction.reading.Reading;
import com.topup.merchant.AuthenticatedMerchant;
import com.topup.merchant.LedgerService;
import com.topup.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Understands an instruction: reads it, checks and prices what it asks for, and keeps a confirmation for the items.
 * Nothing is charged and no order is stored here.
 */
@ApplicationScoped
public class InstructionService {

    private final InstructionInterpreter interpreter;
    private final InstructionPricer pricer;
    private final ConfirmationStore store;
    private final LedgerService ledger;
    private final PhoneCrypto phoneCrypto;
    private final InstructionConfig config;
    private final MeterRegistry metrics;

    public InstructionService(InstructionInterpreter interpreter, InstructionPricer pricer, ConfirmationStore store,
                              LedgerService ledger, PhoneCrypto phoneCrypto, InstructionConfig config,
                              MeterRegistry metrics) {
        this.interpreter = interpreter;
        this.pricer = pricer;
        this.store = store;
        this.ledger = ledger;
        this.phoneCrypto = phoneCrypto;
        this.config = config;
        this.metrics = metrics;
    }

    /** Not one transaction: reading may wait for the language model; the confirmation is stored in its own. */
    public InstructionView understand(AuthenticatedMerchant merchant, InstructionRequest request) {
        Reading reading = interpreter.read(request.text());
        PricedInstruction priced = pricer.price(reading, merchant::priceFor);
        if (priced.items().size() > config.maxItems()) {
            throw new ApiException(400, "INVALID_REQUEST", "An instruction may ask for at most " + config.maxItems()
                    + " top-ups; this one asks for " + priced.items().size(),
                    Map.of("field", "text", "items", priced.items().size(), "maxItems", config.maxItems()));
        }
        metrics.counter("topup_instructions_total", "outcome", outcome(priced)).increment();
        long total = priced.totalPrice();
        long balanceAfter = ledger.balance(merchant.id()) - total;
        List<InstructionView.Item> items = priced.items().stream().map(InstructionView.Item::of).toList();
        if (items.isEmpty()) {
            return new InstructionView(items, priced.problems(), 0, balanceAfter, null, null, readBy(reading));
        }
        String token = ConfirmationTokens.next();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(config.confirmationTtl());
        store.insert(ConfirmationTokens.hash(token), merchant.id(), priced.items().stream().map(this::stored).toList(),
                total, request.notifyUrl(), now, expiresAt);
        return new InstructionView(items, priced.problems(), total, balanceAfter, token, expiresAt, readBy(reading));
    }

    private StoredItem stored(PricedItem item) {
        return new StoredItem(Base64.getEncoder().encodeToString(phoneCrypto.encrypt(item.phone().e164())),
                item.faceValue(), item.price());
    }

    private static String readBy(Reading reading) {
        return reading.byModel() ? InstructionView.BY_MODEL : InstructionView.BY_RULES;
    }

    private static String outcome(PricedInstruction priced) {
        if (priced.items().isEmpty()) {
            return "nothing";
        }
        return priced.problems().isEmpty() ? "understood" : "partly";
    }
}
