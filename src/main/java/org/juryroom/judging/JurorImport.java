package org.juryroom.judging;

import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.common.Csv;
import org.juryroom.common.CsvImport;

import java.util.List;
import java.util.Map;

/**
 * Jurors from a CSV with the columns {@code name, email} and optionally {@code expertise}: the common
 * import ({@link CsvImport}), idempotent by e-mail; each new juror is invited.
 */
@ApplicationScoped
public class JurorImport implements CsvImport.Kind<JurorService.CreateJuror> {

    private final JurorService jurors;
    private final CsvImport imports;

    public JurorImport(JurorService jurors, CsvImport imports) {
        this.jurors = jurors;
        this.imports = imports;
    }

    public CsvImport.Result run(String csv, boolean dryRun) {
        return imports.run(this, csv, dryRun);
    }

    @Override
    public String name() {
        return "juror";
    }

    @Override
    public List<String> required() {
        return List.of("name", "email");
    }

    @Override
    public List<String> optional() {
        return List.of("expertise");
    }

    @Override
    public String emailColumn() {
        return "email";
    }

    @Override
    public JurorService.CreateJuror request(Csv.Row row) {
        String expertise = row.get("expertise");
        return new JurorService.CreateJuror(row.get("name"), row.get("email"), expertise.isEmpty() ? null : expertise,
                true);
    }

    @Override
    public Map<String, Long> existing() {
        return imports.existingByEmail("juror", "email");
    }

    @Override
    public long create(JurorService.CreateJuror request) {
        return jurors.create(request).juror().id;
    }
}
