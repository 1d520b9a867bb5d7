package org.juryroom.school;

import jakarta.enterprise.context.ApplicationScoped;
import org.juryroom.common.Csv;
import org.juryroom.common.CsvImport;

import java.util.List;
import java.util.Map;

/**
 * Schools from a CSV with the columns {@code name, district, contactName, contactEmail}: the common
 * import ({@link CsvImport}), idempotent by contact e-mail; each new school is invited.
 */
@ApplicationScoped
public class SchoolImport implements CsvImport.Kind<SchoolService.CreateSchool> {

    private final SchoolService schools;
    private final CsvImport imports;

    public SchoolImport(SchoolService schools, CsvImport imports) {
        this.schools = schools;
        this.imports = imports;
    }

    public CsvImport.Result run(String csv, boolean dryRun) {
        return imports.run(this, csv, dryRun);
    }

    @Override
    public String name() {
        return "school";
    }

    @Override
    public List<String> required() {
        return List.of("name", "district", "contactName", "contactEmail");
    }

    @Override
    public List<String> optional() {
        return List.of();
    }

    @Override
    public String emailColumn() {
        return "contactEmail";
    }

    @Override
    public SchoolService.CreateSchool request(Csv.Row row) {
        return new SchoolService.CreateSchool(row.get("name"), row.get("district"), row.get("contactName"),
                row.get("contactEmail"), null, true);
    }

    @Override
    public Map<String, Long> existing() {
        return imports.existingByEmail("school", "contact_email");
    }

    @Override
    public long create(SchoolService.CreateSchool request) {
        return schools.create(request).school().id;
    }
}
