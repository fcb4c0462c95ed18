package com.topup.instruction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.topup.instruction.reading.Problem;
import com.topup.instruction.reading.Span;
import java.time.Instant;
import java.util.List;

/**
 * What was understood (CONTRACT §1, {@code POST /api/v1/instructions}). {@code confirmation} and {@code expiresAt}
 * are absent when there is nothing to confirm. {@code balanceAfter} is negative when the balance does not cover the
 * total: the confirmation is still issued, and confirming is refused unless the balance has grown by then.
 * {@code readBy} says which interpreter read the text: {@code rules}, or {@code model} (the language model, for a
 * text the rules read nothing from; its items passed the same checks).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstructionView(List<Item> items, List<Problem> problems, long totalPrice, long balanceAfter,
                              String confirmation, Instant expiresAt, String readBy) {

    public static final String BY_RULES = "rules";
    public static final String BY_MODEL = "model";

    /** One top-up as the merchant sees it: the number masked. */
    public record Item(String phone, String carrier, String province, long faceValue, long price, Span span) {

        static Item of(PricedItem item) {
            return new Item(item.phone().masked(), item.phone().carrier().name(), item.phone().province(),
                    item.faceValue(), item.price(), item.span());
        }
    }
}
