package org.gcmreview.consultation;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FormBinder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The coordinator's moderation queue, one input's moderation page, and the exports of all inputs. */
@Controller
class ModerationController {

    private final ReviewCycles cycles;
    private final ConsultationWindows windows;
    private final ConsultationInputs consultationInputs;
    private final Moderation moderation;
    private final InputExport export;
    private final InputAttachments attachments;
    private final ConsultationMessages messages;
    private final FormBinder binder;

    ModerationController(ReviewCycles cycles, ConsultationWindows windows, ConsultationInputs consultationInputs,
            Moderation moderation, InputExport export, InputAttachments attachments, ConsultationMessages messages,
            FormBinder binder) {
        this.binder = binder;
        this.cycles = cycles;
        this.windows = windows;
        this.consultationInputs = consultationInputs;
        this.moderation = moderation;
        this.export = export;
        this.attachments = attachments;
        this.messages = messages;
    }

    static final int INPUTS_PER_PAGE = 50;

    @GetMapping("/cycles/{id}/consultation/inputs")
    String queue(@PathVariable long id, @RequestParam(required = false) String about,
            @RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page, CurrentUser user, Model model,
            HttpServletResponse response) {
        ReviewCycle cycle = cycles.findSteerable(id, user);
        ConsultationWindow window = windowOf(cycle);
        Map<String, String> errors = new LinkedHashMap<>();
        Moderation.Filter filter = moderation.filter(about, type, status, errors);
        List<ConsultationInput> inputs = List.of();
        if (errors.isEmpty()) {
            inputs = moderation.queue(window, filter);
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        OpenTargets open = windows.openTargets(window);
        model.addAttribute("cycle", cycle);
        model.addAttribute("window", window);
        model.addAttribute("inputs", PageOf.of(inputs, page, INPUTS_PER_PAGE));
        model.addAttribute("errors", errors);
        model.addAttribute("about", about == null ? "" : about);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("objectives", open.objectivesInScope());
        model.addAttribute("sections", InputTarget.SECTION_KINDS);
        model.addAttribute("types", consultationInputs.stakeholderTypes());
        model.addAttribute("statuses", InputStatus.values());
        return "consultation/queue";
    }

    @GetMapping("/cycles/{id}/consultation/inputs/{inputId}")
    String input(@PathVariable long id, @PathVariable long inputId, CurrentUser user, Model model) {
        return showInput(id, inputId, user, model, Map.of(), Map.of());
    }

    private String showInput(long id, long inputId, CurrentUser user, Model model, Map<String, String> errors,
            Map<String, String> values) {
        Moderation.Moderated m = moderation.find(id, inputId, user);
        model.addAttribute("cycle", m.cycle());
        model.addAttribute("window", m.window());
        model.addAttribute("input", m.input());
        model.addAttribute("group", consultationInputs.group(m.input().groupId()));
        model.addAttribute("attachments", attachments.of(inputId, user));
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        model.addAttribute("reasonMax", Moderation.REASON_MAX);
        return "consultation/input";
    }

    @PostMapping("/cycles/{id}/consultation/inputs/{inputId}/publish")
    String publish(@PathVariable long id, @PathVariable long inputId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String about, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status, CurrentUser user, RedirectAttributes redirect) {
        moderation.publish(id, inputId, user);
        redirect.addFlashAttribute("flash", messages.get("consultation.moderation.published"));
        if (!"queue".equals(from)) {
            return "redirect:/cycles/" + id + "/consultation/inputs/" + inputId;
        }
        // back to the queue as it was filtered
        return "redirect:" + UriComponentsBuilder.fromPath("/cycles/{id}/consultation/inputs")
                .queryParamIfPresent("about", nonBlank(about)).queryParamIfPresent("type", nonBlank(type))
                .queryParamIfPresent("status", nonBlank(status)).buildAndExpand(id).encode().toUriString();
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @PostMapping("/cycles/{id}/consultation/inputs/{inputId}/hide")
    String hide(@PathVariable long id, @PathVariable long inputId, @RequestParam MultiValueMap<String, String> fields,
            CurrentUser user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        FormBinder.Bound<ModerationForms.Hiding> form = binder.bind(ModerationForms.Hiding.class, fields,
                ModerationForms.REASON_GIVEN);
        String reason = fields.getFirst("reason");
        if (!form.valid()) {
            // nothing is stored: the same page (after the same access checks), the reason as typed, the error
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showInput(id, inputId, user, model, binder.errors(form), Map.of("reason", reason == null ? "" : reason));
        }
        Optional<String> error = moderation.hide(id, inputId, form.value().reason(), user);
        if (error.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showInput(id, inputId, user, model, Map.of("reason", error.get()),
                    Map.of("reason", reason == null ? "" : reason));
        }
        redirect.addFlashAttribute("flash", messages.get("consultation.moderation.hidden"));
        return "redirect:/cycles/" + id + "/consultation/inputs/" + inputId;
    }

    @PostMapping("/cycles/{id}/consultation/inputs/{inputId}/duplicate")
    String duplicate(@PathVariable long id, @PathVariable long inputId,
            @RequestParam MultiValueMap<String, String> fields, CurrentUser user, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        FormBinder.Bound<ModerationForms.Grouping> form = binder.bind(ModerationForms.Grouping.class, fields);
        String of = fields.getFirst("of");
        if (!form.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showInput(id, inputId, user, model, binder.errors(form), Map.of("of", of == null ? "" : of));
        }
        Optional<String> error = moderation.markDuplicate(id, inputId, form.value().of(), user);
        if (error.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showInput(id, inputId, user, model, Map.of("of", error.get()), Map.of("of", of == null ? "" : of));
        }
        redirect.addFlashAttribute("flash", messages.get("consultation.moderation.grouped"));
        return "redirect:/cycles/" + id + "/consultation/inputs/" + inputId;
    }

    @PostMapping("/cycles/{id}/consultation/inputs/{inputId}/ungroup")
    String ungroup(@PathVariable long id, @PathVariable long inputId, CurrentUser user, RedirectAttributes redirect) {
        moderation.removeFromGroup(id, inputId, user);
        redirect.addFlashAttribute("flash", messages.get("consultation.moderation.ungrouped"));
        return "redirect:/cycles/" + id + "/consultation/inputs/" + inputId;
    }

    @GetMapping("/cycles/{id}/consultation/inputs.csv")
    void csv(@PathVariable long id, CurrentUser user, HttpServletResponse response) throws IOException {
        List<ConsultationInput> inputs = exportable(id, user, response, "text/csv; charset=UTF-8", "csv");
        export.writeCsv(inputs, response.getOutputStream());
    }

    @GetMapping("/cycles/{id}/consultation/inputs.xlsx")
    void xlsx(@PathVariable long id, CurrentUser user, HttpServletResponse response) throws IOException {
        List<ConsultationInput> inputs = exportable(id, user, response,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        export.writeXlsx(inputs, response.getOutputStream());
    }

    /** Checks access before anything is written: only the country's coordinator gets the file (403 otherwise). */
    private List<ConsultationInput> exportable(long id, CurrentUser user, HttpServletResponse response,
            String contentType, String extension) {
        ReviewCycle cycle = cycles.findSteerable(id, user);
        List<ConsultationInput> inputs = consultationInputs.inputs(windowOf(cycle).id());
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(cycle.businessKey() + "-consultation-inputs." + extension).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return inputs;
    }

    private ConsultationWindow windowOf(ReviewCycle cycle) {
        return windows.windowOf(cycle.id()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "The consultation has not been prepared or opened yet."));
    }
}
