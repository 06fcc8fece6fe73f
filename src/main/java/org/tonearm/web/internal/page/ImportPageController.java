package org.tonearm.web.internal.page;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tonearm.identity.CurrentUser;
import org.tonearm.imports.WebImports;
import org.tonearm.shared.TonearmException;

/**
 * {@code /import} (issue #12 item 6): upload a history file or zip through the imports façade, follow the job live
 * ({@code /ui/import/{id}}, polled by htmx every second until it is finished), its report and error list, and the
 * import history. Without JavaScript the form still uploads and the job fragment reloads with the page.
 */
@Controller
class ImportPageController {

    /** Error lines shown on the page; the API's {@code /errors} has them all. */
    static final int ERRORS_SHOWN = 100;

    private final WebImports imports;

    ImportPageController(WebImports imports) {
        this.imports = imports;
    }

    @GetMapping("/import")
    String page(@RequestParam(required = false) Long job, Model model) {
        return render(model, job, FormErrors.NONE);
    }

    @PostMapping("/import")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
            HttpServletResponse response) {
        long user = CurrentUser.get().id();
        try {
            WebImports.Job job = imports.upload(user, file, null);
            return "redirect:/import?job=" + job.id();
        } catch (TonearmException e) {
            response.setStatus(e.status());
            return render(model, null, FormErrors.of(e));
        }
    }

    /** The live part: progress while queued or running, then the report and the error list. */
    @GetMapping("/ui/import/{id}")
    String job(@PathVariable long id, Model model) {
        long user = CurrentUser.get().id();
        if (addJob(model, user, id).finished()) {
            // the last poll: the history's row of this job says "running" until it is replaced too
            model.addAttribute("history", imports.history(user));
            model.addAttribute("historyOob", true);
        }
        return "import :: job";
    }

    private String render(Model model, Long jobId, FormErrors errors) {
        long user = CurrentUser.get().id();
        if (jobId != null) {
            addJob(model, user, jobId);
        }
        model.addAttribute("errors", errors);
        model.addAttribute("history", imports.history(user));
        return "import";
    }

    private WebImports.Job addJob(Model model, long user, long id) {
        WebImports.Job job = imports.job(user, id); // 404 for another user's job
        model.addAttribute("job", job);
        List<WebImports.ErrorLine> lines = job.finished() && (job.failed() > 0 || job.skippedFiles() > 0)
                ? imports.errors(user, id) : List.of();
        model.addAttribute("errorLines", lines.stream().limit(ERRORS_SHOWN).toList());
        model.addAttribute("moreErrors", Math.max(0, lines.size() - ERRORS_SHOWN));
        return job;
    }
}
