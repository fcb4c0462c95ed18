package com.topup.order;

import java.util.List;

/** A feature's part of an order's timeline; {@link OrderTimeline} merges every source in time order. */
public interface TimelineSource {

    List<TimelineEntry> entriesOf(String orderId);
}
