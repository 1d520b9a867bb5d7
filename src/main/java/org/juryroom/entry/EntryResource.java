package org.juryroom.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.juryroom.access.AccessPolicy;
import org.juryroom.access.Roles;
import org.juryroom.common.Page;
import org.juryroom.common.ProblemException;
import org.juryroom.entry.EntryViews.EntrySummary;
import org.juryroom.entry.EntryViews.FileView;
import org.juryroom.storage.EntryFile;
import org.juryroom.storage.FileDownloads;
import org.juryroom.storage.Upload;

import java.net.URI;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    private final EntryService entries;
    private final AccessPolicy access;
    private final ObjectMapper json;
    private final FileDownloads downloads;

    public EntryResource(EntryService entries, AccessPolicy access, ObjectMapper json, FileDownloads downloads) {
        this.entries = entries;
        this.access = access;
        this.json = json;
        this.downloads = downloads;
    }

    @POST
    @Path("/competitions/{cid}/entries")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.SCHOOL)
    public RestResponse<Object> create(@PathParam("cid") long cid, @RestForm("entry") String entry,
                                       @RestForm("files") List<FileUpload> files) throws JsonProcessingException {
        if (entry == null || entry.isBlank()) {
            throw ProblemException.badRequest("The multipart part 'entry' (JSON describing the entry) is missing");
        }
        long id = entries.create(cid, json.readValue(entry, EntryRequests.CreateEntry.class), uploads(files));
        return RestResponse.ResponseBuilder.created(URI.create("/api/entries/" + id)).entity(entries.view(id)).build();
    }

    @GET
    @Path("/competitions/{cid}/entries")
    @Authenticated
    public Page<EntrySummary> list(@PathParam("cid") long cid, @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        boolean withSchool = access.view() == AccessPolicy.View.FULL;
        return entries.list(cid, Page.Request.of(page, size)).map(e -> EntryViews.summary(e, withSchool));
    }

    @GET
    @Path("/entries/{eid}")
    @Authenticated
    public Object get(@PathParam("eid") long eid) {
        return entries.view(eid);
    }

    @PATCH
    @Path("/entries/{eid}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SCHOOL)
    public Object update(@PathParam("eid") long eid, EntryRequests.UpdateEntry request) {
        entries.update(eid, request);
        return entries.view(eid);
    }

    @POST
    @Path("/entries/{eid}/submit")
    @RolesAllowed(Roles.SCHOOL)
    public Object submit(@PathParam("eid") long eid) {
        entries.submit(eid);
        return entries.view(eid);
    }

    @POST
    @Path("/entries/{eid}/withdraw")
    @RolesAllowed(Roles.SCHOOL)
    public Object withdraw(@PathParam("eid") long eid) {
        entries.withdraw(eid);
        return entries.view(eid);
    }

    @POST
    @Path("/entries/{eid}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.SCHOOL)
    public RestResponse<List<FileView>> addFiles(@PathParam("eid") long eid, @RestForm("files") List<FileUpload> files) {
        List<EntryFile> stored = entries.addFiles(eid, uploads(files));
        return RestResponse.status(RestResponse.Status.CREATED, stored.stream()
                .map(f -> new FileView(f.id, f.displayName, f.contentType, f.size, f.sha256)).toList());
    }

    @GET
    @Path("/entries/{eid}/files/{fid}")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    public jakarta.ws.rs.core.Response download(@PathParam("eid") long eid, @PathParam("fid") long fid,
                                                @jakarta.ws.rs.HeaderParam("Range") String range) {
        return downloads.respond(entries.download(eid, fid), range);
    }

    @DELETE
    @Path("/entries/{eid}/files/{fid}")
    @RolesAllowed(Roles.SCHOOL)
    public RestResponse<Void> deleteFile(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        entries.deleteFile(eid, fid);
        return RestResponse.noContent();
    }

    private static List<Upload> uploads(List<FileUpload> files) {
        return files == null ? List.of() : files.stream().map(f -> new Upload(f.uploadedFile(), f.fileName())).toList();
    }
}
