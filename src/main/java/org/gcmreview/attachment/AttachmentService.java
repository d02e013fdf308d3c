package org.gcmreview.attachment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gcmreview.audit.AuditEntry;
import org.gcmreview.audit.AuditLog;
import org.gcmreview.cycle.ReviewCycle;
import org.gcmreview.cycle.ReviewCycles;
import org.gcmreview.identity.CurrentUser;
import org.gcmreview.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files for contributions, report sections and consultation inputs.
 *
 * <p>Forms use it in two steps so that a refused file stores nothing at all: {@link #inspectChosen} every
 * file while validating the rest of the form (a refusal is an {@link AttachmentRejectedException} whose
 * message belongs next to the file field), then, once the form is valid, {@link #store} each inspected file
 * in the form's own transaction. {@link #store(OwnerKind, long, long, String, MultipartFile, CurrentUser)}
 * does both for a single file.
 */
@Service
public class AttachmentService {

    private final AttachmentRepository repository;
    private final ReviewCycles cycles;
    private final AuditLog audit;
    private final FileInspector inspector;
    private final MessageSource messages;

    AttachmentService(AttachmentRepository repository, ReviewCycles cycles, AuditLog audit,
            AttachmentProperties properties, MessageSource messages) {
        this.messages = messages;
        this.repository = repository;
        this.cycles = cycles;
        this.audit = audit;
        this.inspector = new FileInspector(properties.maxBytes().toBytes());
    }

    /** Largest accepted file, for hints like "up to 10 MB each". */
    public String maxSizeLabel() {
        return sizeLabel(inspector.maxBytes());
    }

    /** A file size in the reader's language, e.g. "1.2 MB", "1,2 Mo". */
    public String sizeLabel(long bytes) {
        return messages.getMessage(FileSizes.resolvable(bytes), LocaleContextHolder.getLocale());
    }

    public String acceptList() {
        return AttachmentType.acceptList();
    }

    /**
     * Checks one uploaded file without storing anything.
     *
     * @throws AttachmentRejectedException empty, too large, not one of the allowed types (judged by content),
     *         or named as a different type than its content
     */
    public InspectedFile inspect(MultipartFile file) {
        try {
            return inspector.inspect(file.getOriginalFilename(), file.getSize(),
                    FileInspector.ContentSource.of(file::getInputStream));
        } catch (AttachmentRejectedException refused) {
            // callers show the message next to the file field: in the reader's language
            throw refused.in(messages, LocaleContextHolder.getLocale());
        }
    }

    /**
     * Checks every file the user chose in a file field ({@code submission.files()} of a task form). A file
     * input left blank arrives as a part with no name and no bytes; that is "no file", not an empty file.
     *
     * @throws AttachmentRejectedException for the first file that cannot be attached
     */
    public List<InspectedFile> inspectChosen(MultiValueMap<String, MultipartFile> files, String fieldName) {
        List<MultipartFile> parts = files.get(fieldName);
        if (parts == null) {
            return List.of();
        }
        return parts.stream().filter(AttachmentService::chosen).map(this::inspect).toList();
    }

    private static boolean chosen(MultipartFile part) {
        String name = part.getOriginalFilename();
        return !(part.isEmpty() && (name == null || name.isBlank()));
    }

    /** Inspects and stores one uploaded file; see {@link #store(OwnerKind, long, long, String, InspectedFile, CurrentUser)}. */
    @Transactional
    public Attachment store(OwnerKind ownerKind, long ownerId, long cycleId, String iso3, MultipartFile file,
            CurrentUser user) {
        return store(ownerKind, ownerId, cycleId, iso3, inspect(file), user);
    }

    /**
     * Stores an inspected file as evidence of the owner, in the caller's transaction (a rollback there leaves
     * no attachment behind), and audits it. The owner must belong to the cycle, the cycle to the country, and
     * the user to that country; the caller has already decided that the user may edit the owner.
     *
     * @throws AccessDeniedException the user is not of the cycle's country, or the owner is not of this cycle
     * @throws AttachmentLockedException the cycle has been published
     */
    @Transactional
    public Attachment store(OwnerKind ownerKind, long ownerId, long cycleId, String iso3, InspectedFile file,
            CurrentUser user) {
        ReviewCycle cycle = cycles.findVisible(cycleId, user);
        if (!cycle.countryIso3().equals(iso3)) {
            throw new IllegalArgumentException("Cycle " + cycleId + " is not a cycle of " + iso3);
        }
        if (!user.belongsToCountry(iso3)) {
            throw new AccessDeniedException("Only the country's own users can add evidence");
        }
        if (!repository.cycleOfOwner(ownerKind, ownerId).map(c -> c == cycleId).orElse(false)) {
            throw new AccessDeniedException("This " + ownerKind + " is not part of the review cycle");
        }
        if (repository.publishedLocked(cycleId)) {
            throw new AttachmentLockedException();
        }
        UUID publicId = repository.insert(ownerKind, ownerId, cycleId, iso3, file, user.id());
        audit.record(AuditEntry.of(user.username(), "ATTACHMENT_ADDED", iso3, "ATTACHMENT", publicId,
                ownerKind + " " + ownerId + ": " + file.fileName() + " (" + file.type().mediaType() + ", "
                        + file.size() + " bytes, sha256 " + file.sha256() + ")"));
        return repository.find(publicId).orElseThrow().withRemovable(true);
    }

    /** The owner's attachments, oldest first, marked removable where this user may remove them. */
    public List<Attachment> list(OwnerKind ownerKind, long ownerId, CurrentUser user) {
        return listByOwner(ownerKind, List.of(ownerId), user).getOrDefault(ownerId, List.of());
    }

    /**
     * Attachments of several owners at once (e.g. every section on a consolidation page), by owner id. Owners
     * of a cycle the user may not see are left out rather than failing the page.
     */
    public Map<Long, List<Attachment>> listByOwner(OwnerKind ownerKind, Collection<Long> ownerIds, CurrentUser user) {
        Map<Long, ReviewCycle> visible = new LinkedHashMap<>();
        Map<Long, List<Attachment>> byOwner = new LinkedHashMap<>();
        for (Attachment attachment : repository.byOwners(ownerKind, ownerIds)) {
            ReviewCycle cycle = visible.computeIfAbsent(attachment.cycleId(),
                    id -> cycles.findById(id).filter(c -> cycles.mayView(c, user)).orElse(null));
            if (cycle == null) {
                continue;
            }
            byOwner.computeIfAbsent(attachment.ownerId(), id -> new java.util.ArrayList<>())
                    .add(attachment.withRemovable(!cycle.published() && mayRemove(attachment, user)
                            && !repository.frozenEvidence(attachment.publicId())));
        }
        return byOwner;
    }

    /**
     * The file for download, if this user may see its cycle. A stakeholder may see their country's cycle (for
     * the consultation) but not its evidence: only the files they added to their own inputs. A ministry's
     * drafting evidence and another organisation's input are not theirs to read. A secretariat reads only the
     * evidence of a version submitted to its own round or edition: report sections' files that existed when
     * that version was frozen; never a ministry's drafts, a stakeholder's file or a later one.
     */
    StoredFile download(String publicId, CurrentUser user) {
        Attachment attachment = find(publicId);
        cycles.findVisible(attachment.cycleId(), user);
        if (user.is(Role.STAKEHOLDER) && attachment.uploadedById() != user.id()) {
            throw new AccessDeniedException("Stakeholders download only the files they added themselves");
        }
        if ((user.is(Role.REGIONAL_SECRETARIAT) && !repository.submittedTo(attachment.publicId(), user.commissionCode()))
                || (user.is(Role.IMRF_SECRETARIAT) && !repository.submittedTo(attachment.publicId(), null))) {
            throw new AccessDeniedException("Secretariats download only the evidence of versions submitted to them");
        }
        return new StoredFile(attachment, repository.content(attachment.publicId()));
    }

    /**
     * Removes an attachment: the person who added it or the country's coordinator, while the cycle is not
     * published.
     */
    @Transactional
    public Attachment remove(String publicId, CurrentUser user) {
        Attachment attachment = find(publicId);
        cycles.findVisible(attachment.cycleId(), user);
        if (!mayRemove(attachment, user)) {
            throw new AccessDeniedException("Only the person who added this file or the national coordinator can "
                    + "remove it");
        }
        if (repository.publishedLocked(attachment.cycleId()) || repository.frozenEvidence(attachment.publicId())) {
            throw new AttachmentLockedException();
        }
        repository.delete(attachment.publicId());
        audit.record(AuditEntry.of(user.username(), "ATTACHMENT_REMOVED", attachment.countryIso3(), "ATTACHMENT",
                attachment.publicId(), attachment.ownerKind() + " " + attachment.ownerId() + ": "
                        + attachment.fileName() + " (sha256 " + attachment.sha256() + ")"));
        return attachment;
    }

    private static boolean mayRemove(Attachment attachment, CurrentUser user) {
        return attachment.uploadedById() == user.id()
                || (user.is(Role.COORDINATOR) && user.belongsToCountry(attachment.countryIso3()));
    }

    private Attachment find(String publicId) {
        return parse(publicId).flatMap(repository::find).orElseThrow(AttachmentNotFoundException::new);
    }

    private static Optional<UUID> parse(String publicId) {
        try {
            UUID id = UUID.fromString(publicId);
            // UUID.fromString accepts short forms like "1-1-1-1-1"; only the canonical form is an id of ours
            return id.toString().equalsIgnoreCase(publicId) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An attachment with its bytes, for the download response. */
    record StoredFile(Attachment attachment, byte[] content) {
    }
}
