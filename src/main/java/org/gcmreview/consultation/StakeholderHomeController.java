package org.gcmreview.consultation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a stakeholder lands after signing in: their country's consultations (open, announced, closed) and the
 * inputs they sent, with where each stands. They have no tasks, so "My tasks" would be an empty page.
 */
@Controller
class StakeholderHomeController {

    /** One of the stakeholder's own inputs, with its consultation. */
    record MyInput(String reference, String businessKey, String consultationTitle, Integer objectiveNumber,
            String sectionKind, Instant submittedAt, InputStatus status, boolean answered, boolean windowClosed) {
    }

    private final ConsultationAnnouncements announcements;
    private final JdbcClient jdbc;

    StakeholderHomeController(ConsultationAnnouncements announcements, JdbcClient jdbc) {
        this.announcements = announcements;
        this.jdbc = jdbc;
    }

    @GetMapping("/my-consultations")
    String show(CurrentUser user, Model model) {
        if (!user.is(Role.STAKEHOLDER)) {
            throw new AccessDeniedException("Only stakeholders have a consultations page of their own");
        }
        List<ConsultationAnnouncements.Announcement> all = announcements.announcementsOf(user.countryIso3());
        Instant now = Instant.now();
        model.addAttribute("current", all.stream().filter(a -> !a.window().closed()).toList());
        model.addAttribute("closed", all.stream().filter(a -> a.window().closed()).toList());
        model.addAttribute("inputs", inputsOf(user));
        model.addAttribute("now", now);
        return "consultation/my-consultations";
    }

    private List<MyInput> inputsOf(CurrentUser user) {
        return jdbc.sql("""
                select i.reference, c.business_key, c.title, i.objective_number, i.section_kind, i.submitted_at,
                       i.status, (i.responded_at is not null and w.responses_completed_at is not null) as answered,
                       (w.status = 'CLOSED') as window_closed
                  from consultation_input i join consultation_window w on w.id = i.window_id
                  join review_cycle c on c.id = w.cycle_id
                 where i.author_user_id = ? and i.confirmed_at is not null
                 order by i.submitted_at desc, i.id desc""")
                .param(user.id())
                .query((rs, n) -> new MyInput(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), ((Timestamp) rs.getObject(6)).toInstant(),
                        InputStatus.valueOf(rs.getString(7)), rs.getBoolean(8), rs.getBoolean(9)))
                .list();
    }
}
