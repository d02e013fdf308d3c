package org.gcmreview.submission.publication;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.gcmreview.submission.FrozenReport;
import org.gcmreview.submission.SubmissionMessages;
import org.gcmreview.support.FormBinder;
import org.gcmreview.web.SupportedLanguages;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator adds a translation of the published report's endorsed version (issue 18.3): one form, a field per
 * text of each section. Only the country's own coordinator: other roles are refused, another country's coordinator
 * finds nothing (404), as for a report that does not exist.
 */
@Controller
class TranslationController {

    private final ReviewCycles cycles;
    private final Translations translations;
    private final FormBinder binder;
    private final SubmissionMessages messages;
    private final ObjectMapper json;

    TranslationController(ReviewCycles cycles, Translations translations, FormBinder binder,
            SubmissionMessages messages, ObjectMapper json) {
        this.cycles = cycles;
        this.translations = translations;
        this.binder = binder;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/cycles/{id}/translations")
    String page(@PathVariable long id, CurrentUser user, Model model, HttpServletResponse response) {
        ReviewCycle cycle = ownCycle(id, user);
        return page(cycle, translations.original(cycle).orElse(null), new LinkedMultiValueMap<>(), Map.of(), model,
                response);
    }

    @PostMapping("/cycles/{id}/translations")
    String add(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, CurrentUser user,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ReviewCycle cycle = ownCycle(id, user);
        Translations.Original original = translations.original(cycle).orElse(null);
        if (original == null) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(cycle, null, fields, Map.of(), model, response);
        }
        int sections = translations.sections(original).size();
        FormBinder.Bound<TranslationForm> form = binder.bind(TranslationForm.class, gathered(fields, sections),
                new org.springframework.validation.Validator() {
                    @Override
                    public boolean supports(Class<?> type) {
                        return TranslationForm.class.equals(type);
                    }

                    @Override
                    public void validate(Object target, org.springframework.validation.Errors errors) {
                        if (!errors.hasFieldErrors("language")) {
                            translations.check(original, (TranslationForm) target, errors);
                        }
                    }
                });
        if (!form.valid()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(cycle, original, fields, fieldIds(binder.errors(form)), model, response);
        }
        if (!translations.add(original, form.value(), user)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return page(cycle, original, fields, Map.of("language", messages.get("translation.error.exists")), model,
                    response);
        }
        redirect.addFlashAttribute("flash", messages.get("translation.published",
                messages.get("translation.language." + form.value().language())));
        return "redirect:/published/" + cycle.businessKey() + "/" + form.value().language();
    }

    private String page(ReviewCycle cycle, Translations.Original original, MultiValueMap<String, String> values,
            Map<String, String> errors, Model model, HttpServletResponse response) {
        model.addAttribute("cycle", cycle);
        model.addAttribute("original", original);
        List<ReportTranslation> done = translations.of(cycle.id());
        model.addAttribute("translations", done);
        if (original != null) {
            model.addAttribute("report", FrozenReport.parse(json, original.version().content()));
            model.addAttribute("languages", SupportedLanguages.CODES.stream()
                    .filter(code -> !code.equals(original.language()))
                    .filter(code -> done.stream().noneMatch(t -> t.language().equals(code))).toList());
        }
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("textMax", Translations.TEXT_MAX);
        model.addAttribute("titleMax", Translations.TITLE_MAX);
        return "submission/publication/translate";
    }

    /** The page's fields {@code body-0}, {@code body-1}, ... as one list per text, in section order. */
    private static MultiValueMap<String, String> gathered(MultiValueMap<String, String> fields, int sections) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.addIfAbsent("language", fields.getFirst("language"));
        form.addIfAbsent("title", fields.getFirst("title"));
        for (String text : TranslationForm.TEXTS) {
            for (int i = 0; i < sections; i++) {
                String value = fields.getFirst(text + "-" + i);
                form.add(text, value == null ? "" : value);
            }
        }
        return form;
    }

    /** A list element's error ({@code body[2]}) belongs to the field the page calls {@code body-2}. */
    private static Map<String, String> fieldIds(Map<String, String> errors) {
        Map<String, String> ids = new LinkedHashMap<>();
        errors.forEach((field, message) -> ids.put(field.replaceAll("\\[(\\d+)]$", "-$1"), message));
        return ids;
    }

    private ReviewCycle ownCycle(long id, CurrentUser user) {
        if (!user.is(Role.COORDINATOR)) {
            throw new AccessDeniedException("Only the national coordinator adds translations");
        }
        return cycles.findById(id).filter(c -> user.belongsToCountry(c.countryIso3()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
