package com.topup.instruction;

import com.topup.carrier.Carrier;
import com.topup.carrier.PhoneLookup;
import com.topup.instruction.reading.Problem;
import com.topup.instruction.reading.Proposal;
import com.topup.instruction.reading.Reading;
import com.topup.web.ApiException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * Checks what an interpreter read exactly as order intake would: the number must be a mobile number of a supported
 * carrier (the carrier lookup), the amount one of that carrier's face values (the product catalogue). Whatever
 * interpreter produced the reading, nothing passes without these checks.
 */
public final class InstructionPricer {

    private final Function<String, PhoneLookup> lookup;
    private final Function<Carrier, List<Long>> faceValues;

    /**
     * @param lookup the carrier lookup; throws {@link ApiException} {@code INVALID_PHONE} / {@code UNSUPPORTED_CARRIER}
     * @param faceValues the catalogue's face values of a carrier, ascending
     */
    public InstructionPricer(Function<String, PhoneLookup> lookup, Function<Carrier, List<Long>> faceValues) {
        this.lookup = lookup;
        this.faceValues = faceValues;
    }

    public PricedInstruction price(Reading reading, LongUnaryOperator priceFor) {
        List<PricedItem> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>(reading.problems());
        for (Proposal proposal : reading.proposals()) {
            PhoneLookup phone;
            try {
                phone = lookup.apply(proposal.phone());
            } catch (ApiException e) {
                problems.add(new Problem(proposal.phoneSpan(), e.code(), messageFor(e.code()), e.details()));
                continue;
            }
            List<Long> offered = faceValues.apply(phone.carrier());
            if (!offered.contains(proposal.faceValue())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("phone", phone.masked());
                details.put("carrier", phone.carrier().name());
                details.put("faceValue", proposal.faceValue());
                details.put("faceValues", offered);
                problems.add(new Problem(proposal.amountSpan(), Problem.UNSUPPORTED_FACE_VALUE,
                        yuan(proposal.faceValue()) + " yuan is not offered for " + phone.carrier().name(), details));
                continue;
            }
            items.add(new PricedItem(phone, proposal.faceValue(), priceFor.applyAsLong(proposal.faceValue()),
                    proposal.phoneSpan()));
        }
        problems.sort(Comparator.comparingInt((Problem p) -> p.span().start()).thenComparing(Problem::code));
        return new PricedInstruction(List.copyOf(items), List.copyOf(problems));
    }

    private static String messageFor(String code) {
        return switch (code) {
            case Problem.INVALID_PHONE -> "This number is not a mobile number";
            case Problem.UNSUPPORTED_CARRIER -> "No supported carrier serves this number";
            default -> "This number cannot be topped up";
        };
    }

    private static String yuan(long fen) {
        return fen % 100 == 0 ? Long.toString(fen / 100) : String.format("%d.%02d", fen / 100, fen % 100);
    }
}
