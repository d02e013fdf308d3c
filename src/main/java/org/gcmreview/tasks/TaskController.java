package org.gcmreview.tasks;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/** The task inbox and the one entry point for every task form. */
@Controller
@RequestMapping("/tasks")
class TaskController {

    private final TaskAccess access;
    private final TaskWork work;
    private final MessageSource messages;

    TaskController(TaskAccess access, TaskWork work, MessageSource messages) {
        this.access = access;
        this.work = work;
        this.messages = messages;
    }

    @GetMapping
    String inbox(CurrentUser user, Model model) {
        if (user.is(Role.STAKEHOLDER)) {
            // stakeholders have no tasks: signing in brings them to their consultations and inputs instead
            return "redirect:/my-consultations";
        }
        model.addAttribute("tasks", access.inbox(user));
        model.addAttribute("now", Instant.now());
        return "tasks/inbox";
    }

    @GetMapping("/{taskId}")
    String show(@PathVariable String taskId, CurrentUser user, Model model) {
        UserTask task = access.read(taskId, user);
        TaskForm form = work.formFor(task);
        model.addAttribute("task", task);
        model.addAttribute("now", Instant.now());
        model.addAttribute("values", new LinkedMultiValueMap<String, String>());
        model.addAttribute("errors", Map.of());
        form.prepare(task, user, model);
        return form.view();
    }

    @PostMapping("/{taskId}")
    String submit(@PathVariable String taskId, @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request, CurrentUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        // Forms with evidence attachments are multipart; all others are plain url-encoded forms. The multipart
        // request may sit beneath request wrappers (Spring Security's, in MockMvc), so unwrap rather than instanceof.
        MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
        MultiValueMap<String, MultipartFile> files = multipart != null
                ? multipart.getMultiFileMap() : new LinkedMultiValueMap<>();
        fields.remove("_csrf");
        TaskOutcome outcome = work.submit(taskId, user, new TaskSubmission(fields, files));
        if (outcome instanceof TaskOutcome.Complete complete) {
            redirect.addFlashAttribute("flash", complete.message());
            redirect.addFlashAttribute("completed", Boolean.TRUE);
            return "redirect:/tasks";
        }
        if (outcome instanceof TaskOutcome.Saved saved) {
            redirect.addFlashAttribute("flash", saved.message());
            return "redirect:/tasks/" + taskId + sectionOf(request);
        }
        if (outcome instanceof TaskOutcome.CheckFirst checkFirst) {
            redirect.addFlashAttribute("flash", checkFirst.message());
            return "redirect:/tasks/" + taskId + "?check=1";
        }
        if (outcome instanceof TaskOutcome.Rearranged rearranged) {
            // e.g. one more indicator row without the page's script: the same page, what the user typed, nothing stored
            UserTask task = access.find(taskId, user);
            TaskForm form = work.formFor(task);
            model.addAttribute("task", task);
            model.addAttribute("now", Instant.now());
            form.prepare(task, user, model);
            model.addAttribute("values", rearranged.values());
            model.addAttribute("errors", Map.of());
            model.addAttribute("focus", rearranged.focus());
            return form.view();
        }
        // Invalid: show the page again with everything the user typed, and say what to fix.
        UserTask task = access.find(taskId, user);
        TaskForm form = work.formFor(task);
        model.addAttribute("task", task);
        model.addAttribute("now", Instant.now());
        form.prepare(task, user, model);
        model.addAttribute("values", fields);
        model.addAttribute("errors", ((TaskOutcome.Invalid) outcome).errors());
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form.view();
    }

    /**
     * A long report is edited one section at a time ({@code ?section=<id>}, see report.ReportEditingForm): after a
     * save the user goes back to that section, at its heading, not to the table of contents. Only a number is
     * taken over into the address.
     */
    private static String sectionOf(HttpServletRequest request) {
        // "save and check your answers" (issue 16.5): after the save, the summary of the answers
        if ("1".equals(request.getParameter("check"))) {
            return "?check=1";
        }
        String section = request.getParameter("section");
        if (section == null || !section.matches("[0-9]{1,18}")) {
            return "";
        }
        return "?section=" + section + "#section-" + section;
    }

    @PostMapping("/{taskId}/claim")
    String claim(@PathVariable String taskId, CurrentUser user, Locale locale, RedirectAttributes redirect) {
        access.claim(taskId, user);
        redirect.addFlashAttribute("flash", messages.getMessage("tasks.flash.claimed", null, locale));
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/{taskId}/release")
    String release(@PathVariable String taskId, CurrentUser user, Locale locale, RedirectAttributes redirect) {
        access.release(taskId, user);
        redirect.addFlashAttribute("flash", messages.getMessage("tasks.flash.released", null, locale));
        return "redirect:/tasks";
    }
}
