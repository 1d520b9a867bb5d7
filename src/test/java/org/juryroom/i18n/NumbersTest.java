package org.juryroom.i18n;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void countsAreGroupedTheIndianWay() {
        assertThat(Numbers.count(0)).isEqualTo("0");
        assertThat(Numbers.count(999)).isEqualTo("999");
        assertThat(Numbers.count(1000)).isEqualTo("1,000");
        assertThat(Numbers.count(99999)).isEqualTo("99,999");
        assertThat(Numbers.count(100000)).isEqualTo("1,00,000");
        assertThat(Numbers.count(12345678)).isEqualTo("1,23,45,678");
        assertThat(Numbers.count(-1234567)).isEqualTo("-12,34,567");
    }

    @Test
    void scoresHaveTwoDecimalsAndNoNegativeZero() {
        assertThat(Numbers.score(72.4)).isEqualTo("72.40");
        assertThat(Numbers.score(100)).isEqualTo("100.00");
        assertThat(Numbers.score(2.005)).isEqualTo("2.01");
        assertThat(Numbers.score(-0.004)).isEqualTo("0.00");
        assertThat(Numbers.score(-1.5)).isEqualTo("-1.50");
        assertThat(Numbers.score(123456.789)).isEqualTo("1,23,456.79");
        assertThat(Numbers.decimal(0.05, 1)).isEqualTo("0.1");
        assertThat(Numbers.decimal(7, 0)).isEqualTo("7");
        assertThat(Numbers.score(Double.NaN)).isEqualTo("–");
    }
}
