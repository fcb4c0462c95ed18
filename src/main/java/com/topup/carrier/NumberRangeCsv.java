package com.topup.carrier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads number-range CSV: a header {@code prefix,carrier,province,city}, then one range per line, e.g.
 * {@code 1920100,CHINA_BROADNET,广东,广州}. The carrier is the {@link Carrier} name; province and city may be
 * empty and are stored in short form ({@code 广东省} becomes {@code 广东}). No quoting: names contain no commas.
 * A bad line is reported with its number and never stops the others.
 */
public final class NumberRangeCsv {

    public static final String HEADER = "prefix,carrier,province,city";

    private static final Pattern PREFIX = Pattern.compile("1[0-9]{6}");
    private static final int MAX_NAME_LENGTH = 32;
    private static final int MIN_FIELDS = 2;
    private static final int MAX_FIELDS = 4;
    private static final String CARRIER_NAMES = Arrays.toString(Carrier.values());

    private NumberRangeCsv() {
    }

    public static ParsedNumberRanges parse(String csv) {
        List<NumberRange> ranges = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        String[] lines = (csv == null ? "" : csv.replace("\uFEFF", "")).split("\\R", -1);
        if (!HEADER.equalsIgnoreCase(lines[0].replace(" ", "").strip())) {
            rejected.add(new RejectedLine(1, "the first line must be the header " + HEADER));
            return new ParsedNumberRanges(ranges, rejected);
        }
        Map<String, Integer> lineByPrefix = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNumber = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                NumberRange range = parseLine(lines[i]);
                Integer earlier = lineByPrefix.putIfAbsent(range.prefix(), lineNumber);
                if (earlier != null) {
                    throw new IllegalArgumentException("prefix " + range.prefix() + " already given on line " + earlier);
                }
                ranges.add(range);
            } catch (IllegalArgumentException e) {
                rejected.add(new RejectedLine(lineNumber, e.getMessage()));
            }
        }
        return new ParsedNumberRanges(ranges, rejected);
    }

    private static NumberRange parseLine(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length < MIN_FIELDS || fields.length > MAX_FIELDS) {
            throw new IllegalArgumentException("expected 2 to 4 fields (" + HEADER + "), found " + fields.length);
        }
        String prefix = fields[0].strip();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix '" + prefix + "' must be 7 digits starting with 1");
        }
        Carrier carrier = carrier(fields[1].strip());
        String province = name(fields, 2, "province");
        String city = name(fields, 3, "city");
        if (city != null && province == null) {
            throw new IllegalArgumentException("city '" + city + "' given without a province");
        }
        return new NumberRange(prefix, carrier, RegionNames.province(province), RegionNames.city(city));
    }

    private static Carrier carrier(String name) {
        try {
            return Carrier.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("carrier '" + name + "' is not one of " + CARRIER_NAMES);
        }
    }

    private static String name(String[] fields, int index, String what) {
        if (index >= fields.length || fields[index].isBlank()) {
            return null;
        }
        String name = fields[index].strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return name;
    }
}
