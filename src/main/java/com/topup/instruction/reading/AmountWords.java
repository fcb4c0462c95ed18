package com.topup.instruction.reading;

/**
 * The words around a number that make it an amount of yuan (units, currency signs) or rule it out (counters,
 * ordinals, other currencies, letters of a model name).
 */
final class AmountWords {

    /** After the number; longest first. */
    static final String[] UNITS = {"元人民币", "元钱", "元整", "元", "块钱", "块", "圆", "人民币", "yuan", "rmb", "cny", "kuai",
            "¥", "￥"};
    /** Before the number. */
    static final String[] CURRENCIES = {"cn¥", "rmb", "cny", "¥", "￥"};
    /** Other currencies: a number in them is not a top-up amount in yuan. */
    static final String[] FOREIGN_BEFORE = {"us$", "usd", "$", "€", "£", "eur", "hk$", "hkd"};
    static final String[] FOREIGN_AFTER = {"美元", "美金", "港币", "港元", "欧元", "usd", "dollars", "dollar", "bucks", "eur",
            "euros", "hkd"};
    /** After a number: it counts or dates something. */
    static final String[] COUNTERS = {"个", "位", "张", "次", "号", "人", "条", "天", "月", "日", "年", "点", "分", "秒", "小时",
            "岁", "折", "倍", "%", "％", "g", "m", "k", "numbers", "number", "phones", "phone", "times", "time", "days",
            "day", "months", "month", "years", "hours", "minutes", "percent", "pm", "am", "st", "nd", "rd", "th",
            "lines", "people", "persons", "of"};
    /** Before a number: it is an ordinal or a reference. */
    static final String[] REFERENCES = {"第", "尾号", "#", "＃", "no.", "no", "number", "room", "房间", "订单", "order", "ref"};
    /** 块 followed by these is 一块 "together", not a unit. */
    private static final String NOT_UNIT_AFTER_KUAI = "儿充冲去来";

    private AmountWords() {
    }

    /** The end of a unit word starting at or after spaces from {@code end}, or -1. */
    static int unitEnd(CharSequence text, int end) {
        int at = Chars.skipSpaces(text, end);
        String unit = Chars.firstWordAt(text, at, UNITS);
        if (unit == null) {
            return -1;
        }
        int unitEnd = at + unit.length();
        if (unit.equals("块") && unitEnd < text.length() && NOT_UNIT_AFTER_KUAI.indexOf(text.charAt(unitEnd)) >= 0) {
            return -1;
        }
        return unitEnd;
    }

    /** The start of a currency sign or code just before {@code start} (spaces allowed between), or -1. */
    static int currencyStart(CharSequence text, int start) {
        return Chars.wordEndingAt(text, Chars.skipSpacesBack(text, start), CURRENCIES);
    }

    static boolean foreignCurrency(CharSequence text, int start, int end) {
        return Chars.wordEndingAt(text, Chars.skipSpacesBack(text, start), FOREIGN_BEFORE) >= 0
                || Chars.firstWordAt(text, Chars.skipSpaces(text, end), FOREIGN_AFTER) != null;
    }

    /** Whether a bare number at {@code [start, end)} counts, orders or names something rather than an amount. */
    static boolean notAnAmount(CharSequence text, int start, int end) {
        if (Chars.isLatinLetter(text, start - 1) || Chars.isLatinLetter(text, end)) {
            return true;
        }
        int before = Chars.skipSpacesBack(text, start);
        return Chars.firstWordAt(text, Chars.skipSpaces(text, end), COUNTERS) != null
                || Chars.wordEndingAt(text, before, REFERENCES) >= 0;
    }
}
