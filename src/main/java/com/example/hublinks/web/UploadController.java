package com.example.hublinks.web;

import com.example.hublinks.report.ReportTasklet;
import com.example.hublinks.roster.RosterAcceptances;
import com.example.hublinks.roster.RosterSettings;
import com.example.hublinks.support.JobSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * HR's pages (role {@code hr}): {@code GET /} the upload page, {@code POST /rosters} the check of
 * a file (a page, or with {@code Accept: application/json} the JSON of DESIGN §7), {@code GET
 * /rosters/{id}} that check again and its rejects.csv, {@code POST /rosters/{id}/accept}
 * ("Use for tonight"; {@code acceptShrink=true} confirms a shrink the guard would stop).
 */
@Controller
@Profile(WebProcess.SERVE_PROFILE)
class UploadController {

    private final RosterUploads uploads;
    private final RosterReplacement replacement;
    private final RosterAcceptances acceptances;
    private final JobSettings job;
    private final RosterSettings roster;
    private final ServeSettings serve;

    UploadController(RosterUploads uploads, RosterReplacement replacement, RosterAcceptances acceptances,
                     JobSettings job, RosterSettings roster, ServeSettings serve) {
        this.uploads = uploads;
        this.replacement = replacement;
        this.acceptances = acceptances;
        this.job = job;
        this.roster = roster;
        this.serve = serve;
    }

    @GetMapping("/")
    ModelAndView uploadPage(@RequestParam(required = false) String accepted, @RequestParam(required = false) String tooLarge) {
        ModelAndView page = new ModelAndView("upload");
        page.addObject("maxUpload", UploadLimits.describe(serve.maxUpload().toBytes()));
        page.addObject("maxUploadBytes", serve.maxUpload().toBytes());
        page.addObject("fromDatabase", roster.source() != RosterSettings.Source.CSV);
        List<RosterAcceptances.Acceptance> recent = acceptances.last(job.name(), 5);
        page.addObject("recent", recent);
        page.addObject("hasRecent", !recent.isEmpty());
        uploads.find(accepted).ifPresent(check -> page.addObject("accepted", check));
        if (tooLarge != null && tooLarge.matches("(more than )?\\d+(\\.\\d)? (MB|KB|bytes)")) { // only a size of ours
            page.addObject("problem", UploadLimits.refusal(tooLarge, serve.maxUpload().toBytes()));
        }
        return page;
    }

    @PostMapping("/rosters")
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file, HttpServletRequest request) throws Exception {
        String name = fileName(file);
        CheckResult check = uploads.check(name, file.getInputStream());
        if (ScriptRequests.acceptsJson(request)) {
            HttpStatus status = switch (check.status()) {
                case CheckResult.REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
                case CheckResult.FAILED -> HttpStatus.SERVICE_UNAVAILABLE;
                default -> HttpStatus.OK;
            };
            return ResponseEntity.status(status).location(URI.create("/rosters/" + check.uploadId())).body(check);
        }
        return seeOther("/rosters/" + check.uploadId());
    }

    @GetMapping("/rosters/{uploadId}")
    ModelAndView checkPage(@PathVariable String uploadId, @RequestParam(required = false) String refused) {
        CheckResult check = uploads.find(uploadId).orElseThrow(NotFound::new);
        ModelAndView page = new ModelAndView("check");
        page.addObject("check", check);
        page.addObject("verdict", switch (check.status()) {
            case CheckResult.OK -> "ok";
            case CheckResult.GUARD -> "stop";
            default -> "fail";
        });
        page.addObject("checked", check.status().equals(CheckResult.OK) || check.status().equals(CheckResult.GUARD));
        page.addObject("hasRejects", check.counts().rejected() > 0);
        page.addObject("hasWarnings", !check.contactWarnings().isEmpty());
        page.addObject("refusal", refused == null ? null : RosterReplacement.refusal(check));
        page.addObject("rosterPath", roster.path());
        return page;
    }

    @GetMapping("/rosters/{uploadId}/rejects.csv")
    ResponseEntity<Resource> rejects(@PathVariable String uploadId) {
        return csv(uploads.file(uploadId, ReportTasklet.REJECTS), "rejects-" + uploadId + ".csv");
    }

    @PostMapping("/rosters/{uploadId}/accept")
    ResponseEntity<?> accept(@PathVariable String uploadId, @RequestParam(defaultValue = "false") boolean acceptShrink,
                             Authentication user, HttpServletRequest request) {
        boolean json = ScriptRequests.acceptsJson(request);
        try {
            RosterReplacement.Accepted accepted = replacement.accept(uploadId, user.getName(), acceptShrink);
            return json ? ResponseEntity.ok(accepted) : seeOther("/?accepted=" + uploadId);
        } catch (RosterReplacement.Refused refused) {
            if (json) {
                return ResponseEntity.status(refused.unknown ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT)
                        .body(Map.of("uploadId", uploadId, "message", refused.getMessage()));
            }
            if (refused.unknown) {
                throw new NotFound();
            }
            return seeOther("/rosters/" + uploadId + "?refused");
        }
    }

    static ResponseEntity<Resource> csv(Optional<Path> file, String downloadName) {
        return file.<ResponseEntity<Resource>>map(f -> ResponseEntity.ok()
                        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(downloadName)
                                .build().toString())
                        .body(new FileSystemResource(f)))
                .orElseThrow(NotFound::new);
    }

    private static ResponseEntity<?> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }

    /** The name HR's browser gave the file, without any folder, for the page and the audit. */
    private static String fileName(MultipartFile file) {
        String name = Optional.ofNullable(file.getOriginalFilename()).orElse("");
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        name = name.replaceAll("\\p{Cntrl}", "");
        if (name.isEmpty()) {
            name = "roster.csv";
        }
        return name.length() <= 200 ? name : name.substring(0, 200);
    }

    /** 404: no such upload, night or file. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        NotFound() {
            super("not found");
        }
    }
}
