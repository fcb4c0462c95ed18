package com.topup.carrier;

import java.util.List;

/**
 * Turns libphonenumber's Chinese geocoder descriptions ({@code 广东省广州市}, {@code 广西壮族自治区南宁市},
 * {@code 内蒙古呼和浩特市}, {@code 北京市}, {@code 中国}) into short province and city names.
 */
public final class RegionNames {

    private static final String COUNTRY = "中国";

    /** Province-level divisions, short names; longer names first so none shadows another. */
    private static final List<String> PROVINCES = List.of(
            "黑龙江", "内蒙古",
            "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建", "江西",
            "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
            "广西", "西藏", "宁夏", "新疆", "香港", "澳门");

    private static final List<String> MUNICIPALITIES = List.of("北京", "天津", "上海", "重庆");

    private static final List<String> PROVINCE_SUFFIXES = List.of(
            "维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市");

    private static final List<String> CITY_SUFFIXES = List.of("自治州", "地区", "林区", "盟", "市");

    /** Peoples named in the official names of autonomous prefectures, which the short names leave out. */
    private static final List<String> PEOPLES = List.of(
            "柯尔克孜", "哈萨克", "朝鲜族", "土家族", "景颇族", "傈僳族", "哈尼族", "布依族", "蒙古族", "蒙古",
            "苗族", "彝族", "藏族", "羌族", "白族", "傣族", "壮族", "回族", "侗族");

    private static final int MIN_NAME_LENGTH = 2;

    private RegionNames() {
    }

    /** Splits a geocoder description; anything without a known province gives {@link Region#UNKNOWN}. */
    public static Region split(String description) {
        if (description == null) {
            return Region.UNKNOWN;
        }
        String rest = description.strip();
        if (rest.startsWith(COUNTRY) && rest.length() > COUNTRY.length()) {
            rest = rest.substring(COUNTRY.length());
        }
        for (String province : PROVINCES) {
            if (rest.startsWith(province)) {
                String cityPart = stripLeading(rest.substring(province.length()), PROVINCE_SUFFIXES);
                String city = city(cityPart);
                if (city == null && MUNICIPALITIES.contains(province)) {
                    city = province;
                }
                return new Region(province, city);
            }
        }
        return Region.UNKNOWN;
    }

    /** A province name in short form: {@code 广东省} → {@code 广东}, {@code 新疆维吾尔自治区} → {@code 新疆}. */
    public static String province(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        for (String province : PROVINCES) {
            if (trimmed.startsWith(province)
                    && stripLeading(trimmed.substring(province.length()), PROVINCE_SUFFIXES).isEmpty()) {
                return province;
            }
        }
        return stripTrailing(trimmed, PROVINCE_SUFFIXES);
    }

    /**
     * A city name in short form: {@code 广州市} → {@code 广州}, {@code 大兴安岭地区} → {@code 大兴安岭},
     * {@code 延边朝鲜族自治州} → {@code 延边}.
     */
    public static String city(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String trimmed = name.strip();
        String shortName = stripTrailing(trimmed, CITY_SUFFIXES);
        if (trimmed.endsWith("自治州")) {
            shortName = stripPeoples(shortName);
        }
        return shortName;
    }

    private static String stripLeading(String text, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length());
            }
        }
        return text;
    }

    /** Removes the first matching suffix unless fewer than two characters would remain. */
    private static String stripTrailing(String text, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (text.endsWith(suffix) && text.length() - suffix.length() >= MIN_NAME_LENGTH) {
                return text.substring(0, text.length() - suffix.length());
            }
        }
        return text;
    }

    private static String stripPeoples(String name) {
        String rest = name;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String people : PEOPLES) {
                if (rest.endsWith(people) && rest.length() - people.length() >= MIN_NAME_LENGTH) {
                    rest = rest.substring(0, rest.length() - people.length());
                    stripped = true;
                    break;
                }
            }
        }
        return rest;
    }
}
