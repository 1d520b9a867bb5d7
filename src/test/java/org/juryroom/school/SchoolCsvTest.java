package org.juryroom.school;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolCsvTest {

    @Test
    void readsQuotedFieldsLineBreaksAndColumnsInAnyOrder() {
        SchoolCsv.Parsed p = SchoolCsv.parse("\uFEFFcontactEmail,NAME,district,contactName\r\n"
                + "a@x.example,\"Oak, \"\"Big\"\"\",North,\"Two\nlines\"\r\n"
                + "\n"
                + "b@x.example,Pine,South,Pat\n"
                + "c@x.example,Short\n"
                + "d@x.example,\"open,South,Q");
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

    @Test
    void anEmptyFileOrAMissingColumnIsReportedOnLineOne() {
        assertThat(SchoolCsv.parse("").errors()).extracting(v -> v.field()).containsExactly("line 1");
        assertThat(SchoolCsv.parse("name,district,contactName\n").errors())
                .extracting(v -> v.message()).containsExactly("missing column contactEmail");
    }
}
