package com.topup.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A reproducible stream of orders: the same seed gives the same phones, carriers and face values in the same order.
 * Numbers are drawn from ranges the platform recognises (number-range table for China Broadnet, the phone number
 * library for the others); no number repeats, so no order looks like a duplicate submission.
 */
final class OrderStream {

    private record CarrierShare(String carrier, double share, String[] prefixes, int randomDigits) {
    }

    private static final List<CarrierShare> MIX = List.of(
            new CarrierShare("CHINA_MOBILE", 0.45, new String[] {"138", "139", "135", "150"}, 8),
            new CarrierShare("CHINA_UNICOM", 0.25, new String[] {"130", "186"}, 8),
            new CarrierShare("CHINA_TELECOM", 0.20, new String[] {"133", "189"}, 8),
            new CarrierShare("CHINA_BROADNET", 0.10, new String[] {"1920000", "1920100", "1920200", "1920300",
                    "1920400", "1920500"}, 4));
    private static final long[] FACE_VALUES = {1000, 2000, 3000, 5000, 5000, 10000, 10000, 20000, 30000, 50000};

    private OrderStream() {
    }

    static List<PlannedOrder> of(int count, long seed) {
        Random random = new Random(seed);
        Set<String> phones = new HashSet<>();
        List<PlannedOrder> orders = new ArrayList<>(count);
        while (orders.size() < count) {
            CarrierShare carrier = pick(random.nextDouble());
            String prefix = carrier.prefixes()[random.nextInt(carrier.prefixes().length)];
            StringBuilder phone = new StringBuilder(prefix);
            for (int i = 0; i < carrier.randomDigits(); i++) {
                phone.append(random.nextInt(10));
            }
            long faceValue = FACE_VALUES[random.nextInt(FACE_VALUES.length)];
            if (phones.add(phone.toString())) {
                orders.add(new PlannedOrder(orders.size(), phone.toString(), carrier.carrier(), faceValue));
            }
        }
        return orders;
    }

    private static CarrierShare pick(double draw) {
        double cumulative = 0;
        for (CarrierShare share : MIX) {
            cumulative += share.share();
            if (draw < cumulative) {
                return share;
            }
        }
        return MIX.get(MIX.size() - 1);
    }
}
