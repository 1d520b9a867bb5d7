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
import jakarta.ws.rs.PUT;
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
import org.juryroom.storage.FileVariant;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.juryroom.storage.StreamedUpload;
import org.juryroom.storage.Upload;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class EntryResource {

    private final EntryService entries;
    private final AccessPolicy access;
    private final ObjectMapper json;
    private final FileDownloads downloads;
    private final org.juryroom.publishing.EntryResults results;

    public EntryResource(EntryService entries, AccessPolicy access, ObjectMapper json, FileDownloads downloads,
                         org.juryroom.publishing.EntryResults results) {
        this.results = results;
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
                                       @RestForm("files") List<FileUpload> files,
                                       @RestForm("sha256") List<String> sha256) throws JsonProcessingException {
        if (entry == null || entry.isBlank()) {
            throw ProblemException.badRequest("The multipart part 'entry' (JSON describing the entry) is missing");
        }
        long id = entries.create(cid, json.readValue(entry, EntryRequests.CreateEntry.class), uploads(files, sha256));
        return RestResponse.ResponseBuilder.created(URI.create("/api/entries/" + id)).entity(entries.view(id)).build();
    }

    @GET
    @Path("/competitions/{cid}/entries")
    @Authenticated
    public Page<EntrySummary> list(@PathParam("cid") long cid, @QueryParam("page") Integer page,
                                   @QueryParam("size") Integer size) {
        boolean withSchool = access.view() == AccessPolicy.View.FULL;
        Page<org.juryroom.entry.Entry> listed = entries.list(cid, Page.Request.of(page, size));
        var outcome = results.of(cid, listed.items().stream().map(e -> e.id).toList());
        return listed.map(e -> EntryViews.summary(e, withSchool, outcome.get(e.id)));
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

    /** The organiser marks that the work shows a recognisable child: no child's name is then published with it. */
    @PUT
    @Path("/entries/{eid}/identifiable-child")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ORGANISER)
    public Object identifiableChild(@PathParam("eid") long eid, EntryRequests.IdentifiableChild request) {
        entries.setIdentifiableChild(eid, request);
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

    /** A submitted entry back to DRAFT for changes before the deadline; it must be submitted again. */
    @POST
    @Path("/entries/{eid}/reopen")
    @RolesAllowed(Roles.SCHOOL)
    public Object reopen(@PathParam("eid") long eid) {
        entries.reopen(eid);
        return entries.view(eid);
    }

    /** Undoes the school's withdrawal before the deadline. */
    @POST
    @Path("/entries/{eid}/reinstate")
    @RolesAllowed(Roles.SCHOOL)
    public Object reinstate(@PathParam("eid") long eid) {
        entries.reinstate(eid);
        return entries.view(eid);
    }

    @POST
    @Path("/entries/{eid}/files")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.SCHOOL)
    public RestResponse<List<FileView>> addFiles(@PathParam("eid") long eid, @RestForm("files") List<FileUpload> files,
                                                 @RestForm("sha256") List<String> sha256,
                                                 @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        if (contentType == null) {
            // A body without Content-Type is matched here, though it is most likely a raw file.
            throw ProblemException.badRequest("Say what the body is: the file itself with a Content-Type such as "
                    + "application/octet-stream and its name in Content-Disposition, or multipart/form-data with "
                    + "'files' parts");
        }
        List<EntryFile> stored = entries.addFiles(eid, uploads(files, sha256));
        return RestResponse.status(RestResponse.Status.CREATED, stored.stream()
                .map(FileView::full).toList());
    }

    /**
     * One file as the raw request body (any Content-Type but multipart; the type comes from the
     * content), named in Content-Disposition, optionally with its SHA-256 in Repr-Digest. Streamed
     * into the store while it arrives; see docs/api.md.
     */
    @POST
    @Path("/entries/{eid}/files")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SCHOOL)
    public RestResponse<List<FileView>> addFile(@PathParam("eid") long eid,
                                                @HeaderParam(HttpHeaders.CONTENT_DISPOSITION) String disposition,
                                                @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
                                                @HeaderParam(StreamedUpload.DIGEST_HEADER) String digest,
                                                InputStream body) {
        EntryFile stored = entries.addFile(eid, StreamedUpload.of(body, disposition, length, digest));
        return RestResponse.status(RestResponse.Status.CREATED, List.of(FileView.full(stored)));
    }

    /** The clean copy (metadata removed), for everyone who may read the entry. */
    @GET
    @Path("/entries/{eid}/files/{fid}")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    public Response download(@PathParam("eid") long eid, @PathParam("fid") long fid, @HeaderParam("Range") String range) {
        return downloads.respond(entries.download(eid, fid, FileVariant.CLEAN), range);
    }

    @GET
    @Path("/entries/{eid}/files/{fid}/thumbnail")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    public Response thumbnail(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        return downloads.respond(entries.download(eid, fid, FileVariant.THUMBNAIL), null);
    }

    /** The sealed original as uploaded, metadata and all: organisers only, for disputes. */
    @GET
    @Path("/entries/{eid}/files/{fid}/original")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed(Roles.ORGANISER)
    public Response original(@PathParam("eid") long eid, @PathParam("fid") long fid, @HeaderParam("Range") String range) {
        return downloads.respond(entries.download(eid, fid, FileVariant.ORIGINAL), range);
    }

    /** An organiser has checked a file held back for privacy review; jurors may now see it. */
    @POST
    @Path("/entries/{eid}/files/{fid}/review")
    @RolesAllowed(Roles.ORGANISER)
    public FileView clearReview(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        return FileView.full(entries.clearReview(eid, fid));
    }

    @DELETE
    @Path("/entries/{eid}/files/{fid}")
    @RolesAllowed(Roles.SCHOOL)
    public RestResponse<Void> deleteFile(@PathParam("eid") long eid, @PathParam("fid") long fid) {
        entries.deleteFile(eid, fid);
        return RestResponse.noContent();
    }

    /** The uploads with the optional client SHA-256 of each, matched by position. */
    private static List<Upload> uploads(List<FileUpload> files, List<String> sha256) {
        if (files == null) {
            return List.of();
        }
        List<String> sums = sha256 == null ? List.of() : sha256;
        return java.util.stream.IntStream.range(0, files.size()).mapToObj(i -> new Upload(files.get(i).uploadedFile(),
                files.get(i).fileName(), i < sums.size() ? sums.get(i) : null)).toList();
    }
}
