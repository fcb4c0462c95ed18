package com.topup.carrier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionNamesTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "广东省广州市,               广东,   广州",
            "江苏省常州市,               江苏,   常州",
            "黑龙江省哈尔滨市,           黑龙江, 哈尔滨",
            "吉林省吉林市,               吉林,   吉林",
            "北京市,                     北京,   北京",
            "天津,                       天津,   天津",
            "重庆市,                     重庆,   重庆",
            "广西壮族自治区南宁市,       广西,   南宁",
            "广西南宁市,                 广西,   南宁",
            "广西壮族自治区,             广西,   null",
            "内蒙古自治区呼和浩特市,     内蒙古, 呼和浩特",
            "内蒙古阿拉善盟,             内蒙古, 阿拉善",
            "新疆维吾尔自治区乌鲁木齐市, 新疆,   乌鲁木齐",
            "新疆克孜勒苏柯尔克孜自治州, 新疆,   克孜勒苏",
            "新疆伊犁哈萨克自治州,       新疆,   伊犁",
            "宁夏回族自治区银川市,       宁夏,   银川",
            "西藏日喀则地区,             西藏,   日喀则",
            "吉林省延边朝鲜族自治州,     吉林,   延边",
            "贵州省黔东南苗族侗族自治州, 贵州,   黔东南",
            "青海省海西蒙古族藏族自治州, 青海,   海西",
            "湖北省神农架林区,           湖北,   神农架",
            "黑龙江省大兴安岭地区,       黑龙江, 大兴安岭",
            "广东省,                     广东,   null",
            "中国香港特别行政区,         香港,   null",
            "中国,                       null,   null",
            "'',                         null,   null",
            "null,                       null,   null",
            "Guangzhou,                  null,   null",
    })
    void splitsGeocoderDescriptions(String description, String province, String city) {
        assertEquals(new Region(province, city), RegionNames.split(description));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "广东省,         广东",
            "广东,           广东",
            "广西壮族自治区, 广西",
            "北京市,         北京",
            "新疆维吾尔自治区, 新疆",
            "'',             null",
    })
    void shortensProvinceNames(String name, String expected) {
        assertEquals(expected, RegionNames.province(name));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "广州市,           广州",
            "广州,             广州",
            "恩施土家族苗族自治州, 恩施",
            "兴安盟,           兴安",
            "沙市,             沙市",
            "'',               null",
    })
    void shortensCityNames(String name, String expected) {
        assertEquals(expected, RegionNames.city(name));
    }
}
