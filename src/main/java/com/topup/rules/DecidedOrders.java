package com.topup.rules;

import com.topup.rules.model.OrderFact;
import java.util.List;

/**
 * Where backtests read real orders and today's channels from; provided by the dispatch side, which records every
 * attempt with its channel and routing version and builds channel facts from the live health figures.
 */
public interface DecidedOrders {

    /** The latest orders whose first attempt has been made, newest first. */
    List<DecidedOrder> latest(int limit);

    /**
     * Every enabled channel as routing would see it now for each of these orders, with its predicted success for the
     * order's carrier, province and face value; orders that routing sees alike share one list.
     */
    ChannelsNow channelsNow(List<OrderFact> orders);
}
