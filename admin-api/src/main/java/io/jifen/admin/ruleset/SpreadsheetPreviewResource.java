package io.jifen.admin.ruleset;

import io.jifen.admin.config.JifenConfig;
import io.jifen.admin.merchant.Merchant;
import io.jifen.admin.merchant.Tenancy;
import io.jifen.admin.problem.ProblemException;
import io.jifen.admin.problem.ProblemResponses;
import io.jifen.admin.problem.ProblemType;
import io.jifen.admin.problem.RetryLater;
import io.jifen.admin.security.Allowed;
import io.jifen.admin.security.Role;
import io.jifen.engine.compile.RuleFileKind;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;

/**
 * A spreadsheet rule file (XLSX, XLS) as grids of text, so a browser can show a decision table
 * without a spreadsheet library of its own: a stored version's file, or one not stored yet (a
 * draft's upload). Read-only; nothing is stored. Bounded: a file over the rule-file size limit is
 * refused, at most half the processors read workbooks at once (more get 503 with Retry-After), and
 * a sheet is cut at {@link SpreadsheetGrid#MAX_ROWS} rows and {@link SpreadsheetGrid#MAX_COLUMNS} columns.
 */
@Path("/merchants/{code}/spreadsheet-previews")
@Tag(name = "rule versions")
public class SpreadsheetPreviewResource {
    private static final Semaphore READERS = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

    @Inject
    Tenancy tenancy;

    @Inject
    JifenConfig config;

    @Inject
    RuleVersionFiles storedFiles;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "previewStoredSpreadsheet", summary = "A stored spreadsheet rule file as grids of text",
            description = "?version=n&file=name: each sheet's cells as shown in a spreadsheet program, with merged regions.")
    @Extension(name = ProblemResponses.EXTENSION, value = "invalid-request, preview-busy")
    public EditorModels.SpreadsheetView stored(@PathParam("code") String code, @QueryParam("version") Integer version,
                                               @QueryParam("file") String file) {
        Merchant m = tenancy.merchant(code);
        if (version == null) {
            throw ProblemException.invalidParameter("version", "is required: the number of the version holding the file");
        }
        if (file == null || file.isBlank()) {
            throw ProblemException.invalidParameter("file", "is required: the name of a spreadsheet file of the version");
        }
        if (!isSpreadsheet(file)) {
            throw ProblemException.invalidParameter("file", "must name a spreadsheet (*.xlsx or *.xls)");
        }
        return preview(file, storedFiles.named(m, version, file).content, "file");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({Role.MARKETING, Role.QA})
    @Operation(operationId = "previewSpreadsheet", summary = "A spreadsheet not stored yet as grids of text",
            description = "{name, content (base64)}: the same grids as for a stored file; nothing is stored.")
    @Extension(name = ProblemResponses.EXTENSION, value = "preview-busy")
    public EditorModels.SpreadsheetView upload(@PathParam("code") String code,
                                               @Valid @NotNull EditorModels.SpreadsheetPreviewRequest request) {
        tenancy.merchant(code);
        if (!isSpreadsheet(request.name())) {
            throw ProblemException.invalidField("name", "must name a spreadsheet (*.xlsx or *.xls)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(request.content());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("content", "is not valid base64");
        }
        return preview(request.name(), bytes, "content");
    }

    private EditorModels.SpreadsheetView preview(String name, byte[] bytes, String field) {
        long max = config.engine().maxFileSize().asLongValue();
        if (bytes.length > max) {
            throw ProblemException.invalidField(field, "is " + bytes.length + " bytes; a rule file (and its preview) "
                    + "takes at most " + max + " bytes");
        }
        if (!READERS.tryAcquire()) {
            throw new RetryLater(ProblemType.PREVIEW_BUSY, "the service is reading other spreadsheets;"
                    + " nothing is wrong with this one: retry after 1 s", Duration.ofSeconds(1));
        }
        try {
            return new EditorModels.SpreadsheetView(name, SpreadsheetGrid.read(bytes));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "cannot be read as a spreadsheet (XLSX or XLS)");
        } finally {
            READERS.release();
        }
    }

    private static boolean isSpreadsheet(String name) {
        return RuleFileKind.of(name).map(k -> k == RuleFileKind.XLSX || k == RuleFileKind.XLS).orElse(false);
    }
}
