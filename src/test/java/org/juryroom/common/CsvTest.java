package org.juryroom.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    private static final java.util.List<String> SCHOOL = java.util.List.of("name", "district", "contactName",
            "contactEmail");

    @Test
    void readsQuotedFieldsLineBreaksAndColumnsInAnyOrder() {
        Csv.Parsed p = Csv.parse("\uFEFFcontactEmail,NAME,district,contactName\r\n"
                + "a@x.example,\"Oak, \"\"Big\"\"\",North,\"Two\nlines\"\r\n"
                + "\n"
                + "b@x.example,Pine,South,Pat\n"
                + "c@x.example,Short\n"
                + "d@x.example,\"open,South,Q", SCHOOL);
        assertThat(p.rows()).hasSize(2);
        assertThat(p.rows().get(0).line()).isEqualTo(2);
        assertThat(p.rows().get(0).get("name")).isEqualTo("Oak, \"Big\"");
        assertThat(p.rows().get(0).get("contactName")).isEqualTo("Two\nlines");
        assertThat(p.rows().get(1).line()).isEqualTo(5);
        assertThat(p.rows().get(1).get("contactEmail")).isEqualTo("b@x.example");
        assertThat(p.errors()).extracting(v -> v.field() + ": " + v.message()).containsExactly(
                "line 7: a quoted field is not closed", "line 6: expected 4 fields, found 2",
                "line 7: expected 4 fields, found 2");
    }

    /** What no text may hold is refused on its line, as any other bad line is, not left for the database to fail. */
    @Test
    void aFieldHoldingANulOrAHalfSurrogateIsRefusedOnItsLine() {
        Csv.Parsed p = Csv.parse("name,district,contactName,contactEmail\nHill\u0000View,North,Asha,a@x.example\n"
                + "Good School,North,Ben,b@x.example\n\"Od\ud800d\",South,Cy,c@x.example\n", SCHOOL);
        assertThat(p.errors()).extracting(v -> v.field() + ": " + v.message()).containsExactly(
                "line 2: " + TextRules.NUL, "line 4: " + TextRules.LONE_SURROGATE);
        assertThat(p.rows()).extracting(Csv.Row::line).containsExactly(3);
    }

    @Test
    void anEmptyFileOrAMissingColumnIsReportedOnLineOne() {
        assertThat(Csv.parse("", SCHOOL).errors()).extracting(v -> v.field()).containsExactly("line 1");
        assertThat(Csv.parse("name,district,contactName\n", SCHOOL).errors())
                .extracting(v -> v.message()).containsExactly("missing column contactEmail");
    }

    @Test
    void anOptionalColumnMayBeLeftOutAndUnknownColumnsAreIgnored() {
        Csv.Parsed p = Csv.parse("Email,name,notes\nj@x.example,Jo,whatever\n", java.util.List.of("name", "email"),
                java.util.List.of("expertise"));
        assertThat(p.errors()).isEmpty();
        assertThat(p.rows().get(0).get("expertise")).isEmpty();
        assertThat(p.rows().get(0).get("email")).isEqualTo("j@x.example");
        assertThat(p.rows().get(0).fields()).doesNotContainKey("notes");
    }
}
