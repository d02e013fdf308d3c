package org.gcmreview.people;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.support.FilledIn;
import org.gcmreview.support.FormBinder;
import org.gcmreview.web.SupportedLanguages;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.Validator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The country's ministries, kept by its coordinator (the URL rule /country/** admits coordinators only; every
 * query names the coordinator's own country, so another country's ministry is simply not found). A ministry's code
 * is fixed once made (it names the Camunda group its tasks go to); its name and languages can change, and it can
 * be retired, which keeps it out of new cycles while past ones keep the name it had.
 */
@Controller
class MinistriesController {

    static final String CODE_FORMAT = "^[A-Z0-9_]{2,40}$";
    static final Pattern CODE = Pattern.compile(CODE_FORMAT);
    static final int NAME_MAX = 200;

    private final CountryMinistries ministries;
    private final AuditLog audit;
    private final MessageSource messages;
    private final FormBinder binder;

    MinistriesController(CountryMinistries ministries, AuditLog audit, MessageSource messages, FormBinder binder) {
        this.binder = binder;
        this.ministries = ministries;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/country/ministries")
    String list(CurrentUser user, Model model) {
        return page(user, model, Map.of(), Map.of());
    }

    /** A new ministry: its code (in capitals; it never changes), its name and the languages it works in. */
    record NewMinistry(@jakarta.validation.constraints.Pattern(regexp = CODE_FORMAT,
                    message = "people.ministries.error.code") String code,
            @FilledIn(max = NAME_MAX, message = "people.ministries.error.name") String name,
            List<String> languages) {

        NewMinistry {
            code = code.toUpperCase(Locale.ROOT);
        }
    }

    /** The languages must be the product's own, at least one, each once. */
    private static final Validator KNOWN_LANGUAGES = Validator.forInstanceOf(NewMinistry.class, (m, errors) -> {
        if (known(m.languages()).isEmpty()) {
            errors.rejectValue("languages", "people.ministries.error.languages");
        }
    });

    @PostMapping("/country/ministries")
    @Transactional
    String add(@RequestParam MultiValueMap<String, String> form, CurrentUser user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        FormBinder.Bound<NewMinistry> bound = binder.bind(NewMinistry.class, form, KNOWN_LANGUAGES);
        Map<String, String> values = Map.of("code", bound.value().code(), "name", bound.value().name());
        Map<String, String> errors = new LinkedHashMap<>(binder.errors(bound));
        Optional<String> languages = known(bound.value().languages());
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, values, errors);
        }
        Optional<Long> id = ministries.add(user.countryIso3(), values.get("code"), values.get("name"), languages.get());
        if (id.isEmpty()) {
            errors.put("code", text("people.ministries.error.codeTaken", values.get("code")));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, values, errors);
        }
        audit.record(AuditEntry.of(user.username(), "MINISTRY_ADDED", user.countryIso3(), "ministry", id.get(),
                values.get("code") + ": " + values.get("name") + " [" + languages.get() + "]"));
        redirect.addFlashAttribute("flash", text("people.ministries.added", values.get("name")));
        return "redirect:/country/ministries";
    }

    @PostMapping("/country/ministries/{id}")
    @Transactional
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, CurrentUser user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        CountryMinistry ministry = find(user, id);
        String name = field(form, "name");
        Map<String, String> errors = new LinkedHashMap<>();
        validateName(name, errors);
        Optional<String> languages = languages(form, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(user, model, Map.of(), Map.of("ministry-" + id, String.join(" ", errors.values())));
        }
        if (!name.equals(ministry.name()) || !languages.get().equals(ministry.languages())) {
            ministries.update(id, name, languages.get());
            audit.record(AuditEntry.of(user.username(), "MINISTRY_CHANGED", user.countryIso3(), "ministry", id,
                    ministry.name() + " [" + ministry.languages() + "] -> " + name + " [" + languages.get() + "]"));
        }
        redirect.addFlashAttribute("flash", text("people.ministries.saved", name));
        return "redirect:/country/ministries";
    }

    @PostMapping("/country/ministries/{id}/retired")
    @Transactional
    String retire(@PathVariable long id, @RequestParam(required = false) String retired, CurrentUser user,
            RedirectAttributes redirect) {
        CountryMinistry ministry = find(user, id);
        boolean retire = !"false".equals(retired);
        if (retire != ministry.retired()) {
            ministries.setRetired(id, retire);
            audit.record(AuditEntry.of(user.username(), retire ? "MINISTRY_RETIRED" : "MINISTRY_REINSTATED",
                    user.countryIso3(), "ministry", id, ministry.name()));
        }
        redirect.addFlashAttribute("flash", text(retire ? "people.ministries.retired" : "people.ministries.reinstated",
                ministry.name()));
        return "redirect:/country/ministries";
    }

    private String page(CurrentUser user, Model model, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("ministries", ministries.of(user.countryIso3()));
        model.addAttribute("languages", SupportedLanguages.CODES);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "people/ministries";
    }

    private CountryMinistry find(CurrentUser user, long id) {
        return ministries.find(user.countryIso3(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void validateName(String name, Map<String, String> errors) {
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.put("name", text("people.ministries.error.name", NAME_MAX));
        }
    }

    /** The chosen languages, comma-separated in the product's order; at least one, only the product's own. */
    private Optional<String> languages(MultiValueMap<String, String> form, Map<String, String> errors) {
        Optional<String> known = known(form.getOrDefault("languages", List.of()));
        if (known.isEmpty()) {
            errors.put("languages", text("people.ministries.error.languages"));
        }
        return known;
    }

    /** The chosen languages, comma-separated in the product's order, or empty unless all are known, each once. */
    private static Optional<String> known(List<String> chosen) {
        List<String> known = new ArrayList<>();
        for (String code : SupportedLanguages.CODES) {
            if (chosen.contains(code)) {
                known.add(code);
            }
        }
        if (known.isEmpty() || known.size() != chosen.stream().distinct().count()) {
            return Optional.empty();
        }
        return Optional.of(String.join(",", known));
    }

    static String field(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
