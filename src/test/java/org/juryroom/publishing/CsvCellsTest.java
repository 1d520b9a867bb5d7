package org.juryroom.publishing;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void aCellThatStartsAsAFormulaBecomesText() {
        for (String formula : List.of("=1+1", "+SUM(A1)", "-2+3", "@SUM(1)", "\t=1", "\r=1", "=HYPERLINK(\"x\")",
                "-", "+")) {
            assertThat(CsvCells.safe(formula)).as(formula).isEqualTo("'" + formula);
        }
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        for (String plain : List.of("-0.53", "+1.25", "12", "-১২.৫০", "-१२,५", "Think Before You Share",
                "অনন্যার পোস্টার", "a=b", "", "E-2CG6Y")) {
            assertThat(CsvCells.safe(plain)).as(plain).isEqualTo(plain);
        }
        assertThat(CsvCells.safe((String) null)).isNull();
        assertThat(CsvCells.safe(Arrays.asList("=x", null, "7"))).containsExactly("'=x", null, "7");
    }
}
