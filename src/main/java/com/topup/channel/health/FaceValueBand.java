package com.topup.channel.health;

/** Face values grouped the way suppliers price and stock them: up to 30, 100, 300 CNY, and above. */
enum FaceValueBand {
    UP_TO_30(3_000),
    UP_TO_100(10_000),
    UP_TO_300(30_000),
    ABOVE_300(Long.MAX_VALUE);

    private final long upToFen;

    FaceValueBand(long upToFen) {
        this.upToFen = upToFen;
    }

    static FaceValueBand of(long faceValueFen) {
        for (FaceValueBand band : values()) {
            if (faceValueFen <= band.upToFen) {
                return band;
            }
        }
        return ABOVE_300;
    }
}
