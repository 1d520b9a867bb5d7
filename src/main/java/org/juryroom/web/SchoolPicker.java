package org.juryroom.web;

import org.juryroom.judging.ConflictService;
import org.juryroom.judging.ConflictService.SchoolChoice;

import java.util.ArrayList;
import java.util.List;

/**
 * The school list a conflict is declared against, grouped by district: school names and
 * districts only, from {@link ConflictService#schools}, never anything about entries. With a
 * district chosen, only its schools are listed (a national list is long). {@code school}: the one the
 * form had chosen (a refused form shows it chosen still), else null.
 */
public record SchoolPicker(List<String> districts, String district, List<District> groups, Long school) {

    public record District(String name, List<SchoolChoice> schools) {
    }

    public static SchoolPicker of(ConflictService conflicts, String district) {
        return of(conflicts, district, null);
    }

    public static SchoolPicker of(ConflictService conflicts, String district, Long school) {
        String chosen = district == null || district.isBlank() ? null : district.strip();
        List<District> groups = new ArrayList<>();
        for (SchoolChoice s : AllPages.of(p -> conflicts.schools(chosen, p))) {
            if (groups.isEmpty() || !groups.get(groups.size() - 1).name().equals(s.district())) {
                groups.add(new District(s.district(), new ArrayList<>()));
            }
            groups.get(groups.size() - 1).schools().add(s);
        }
        return new SchoolPicker(conflicts.districts(), chosen == null ? "" : chosen, groups, school);
    }

    public boolean isSelected(long id) {
        return school != null && school == id;
    }

    public boolean isChosen(String d) {
        return d.equals(district);
    }
}
