package com.topup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One order of the replay's stream: its position, when it arrives, carrier, province and face value. */
record ReplayOrder(int index, long arrivalMillis, String carrier, String province, long faceValue) {

    private static final String[] CARRIERS = {"CHINA_MOBILE", "CHINA_UNICOM", "CHINA_TELECOM", "CHINA_BROADNET"};
    private static final double[] CARRIER_SHARES = {0.45, 0.25, 0.20, 0.10};
    static final String[] PROVINCES = {"广东", "江苏", "浙江", "山东", "河南", "四川", "北京", "上海", "湖北", "湖南"};
    private static final double[] PROVINCE_SHARES = {0.15, 0.11, 0.10, 0.10, 0.09, 0.09, 0.09, 0.09, 0.09, 0.09};
    private static final long[] FACE_VALUES = {1000, 2000, 3000, 5000, 5000, 10000, 10000, 20000, 30000, 50000};

    String orderId() {
        return "Q-" + index;
    }

    /** The same seed gives the same orders at the same times. */
    static List<ReplayOrder> stream(int count, double perSecond, long seed) {
        Random random = new Random(seed);
        List<ReplayOrder> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(new ReplayOrder(i, Math.round(i * 1000 / perSecond), pick(CARRIERS, CARRIER_SHARES, random.nextDouble()),
                    pick(PROVINCES, PROVINCE_SHARES, random.nextDouble()), FACE_VALUES[random.nextInt(FACE_VALUES.length)]));
        }
        return orders;
    }

    private static String pick(String[] names, double[] shares, double draw) {
        double cumulative = 0;
        for (int i = 0; i < names.length; i++) {
            cumulative += shares[i];
            if (draw < cumulative) {
                return names[i];
            }
        }
        return names[names.length - 1];
    }
}
