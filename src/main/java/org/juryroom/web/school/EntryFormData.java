package org.juryroom.web.school;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.juryroom.entry.EntryRequests;

import java.util.ArrayList;
import java.util.List;

/** The entry form as the browser posts it (plain or multipart); files only when creating. */
public class EntryFormData {

    @RestForm
    public String title;

    @RestForm
    public String categoryCode;

    @RestForm
    public String statement;

    /** One per participant row, in row order; rows left empty are ignored. */
    @RestForm
    public List<String> firstName = new ArrayList<>();

    @RestForm
    public List<String> grade = new ArrayList<>();

    @RestForm
    public String consentJudging;

    @RestForm
    public String consentPublishWork;

    @RestForm
    public String consentPublishNames;

    @RestForm
    public String attestedBy;

    @RestForm("files")
    public List<FileUpload> files = new ArrayList<>();

    /** The rows a teacher filled in (a name or a grade), in order. */
    public List<EntryRequests.ParticipantRequest> participants() {
        List<EntryRequests.ParticipantRequest> rows = new ArrayList<>();
        int n = Math.max(firstName == null ? 0 : firstName.size(), grade == null ? 0 : grade.size());
        for (int i = 0; i < n; i++) {
            String name = i < firstName.size() ? blankToNull(firstName.get(i)) : null;
            String g = i < grade.size() ? blankToNull(grade.get(i)) : null;
            if (name == null && g == null) {
                continue;
            }
            rows.add(new EntryRequests.ParticipantRequest(name == null ? null : name.strip(), parseGrade(g)));
        }
        return rows;
    }

    public EntryRequests.ConsentRequest consent() {
        return new EntryRequests.ConsentRequest(checked(consentJudging), checked(consentPublishWork),
                checked(consentPublishNames), blankToNull(attestedBy));
    }

    public EntryRequests.CreateEntry toCreate() {
        return new EntryRequests.CreateEntry(strip(title), strip(categoryCode), blankToNull(statement), participants(),
                consent());
    }

    /** The whole form replaces the entry's details (the edit form always sends every field). */
    public EntryRequests.UpdateEntry toUpdate() {
        return new EntryRequests.UpdateEntry(strip(title), strip(categoryCode), statement == null ? "" : statement,
                participants(), consent());
    }

    private static boolean checked(String value) {
        return value != null && !value.isEmpty();
    }

    private static Integer parseGrade(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1; // out of range: the service names the field
        }
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
