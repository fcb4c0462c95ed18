package com.topup.instruction;

import com.topup.instruction.reading.Problem;
import java.util.List;

/** An instruction after pricing: the items that can be placed, in text order, and every problem, by position. */
public record PricedInstruction(List<PricedItem> items, List<Problem> problems) {

    public long totalPrice() {
        return items.stream().mapToLong(PricedItem::price).sum();
    }
}
