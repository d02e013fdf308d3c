package org.gcmreview.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gcmreview.support.Sha256;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Decides whether a file may be attached, from its bytes alone. The client's Content-Type and the file name
 * are never trusted for the type; the name only has to agree with what the content turned out to be.
 *
 * <p>Word and Excel files are ZIP archives. To tell them from any other ZIP we walk the archive's entries,
 * which means inflating them; the walk stops at a fixed number of entries and of inflated bytes, so a small
 * "zip bomb" that expands to gigabytes costs at most that much work and is refused.
 */
final class FileInspector {

    static final int DEFAULT_MAX_ZIP_ENTRIES = 1_000;
    static final long DEFAULT_MAX_ZIP_EXPANDED_BYTES = 100L * 1024 * 1024;

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private final long maxBytes;
    private final int maxZipEntries;
    private final long maxZipExpandedBytes;

    FileInspector(long maxBytes) {
        this(maxBytes, DEFAULT_MAX_ZIP_ENTRIES, DEFAULT_MAX_ZIP_EXPANDED_BYTES);
    }

    FileInspector(long maxBytes, int maxZipEntries, long maxZipExpandedBytes) {
        this.maxBytes = maxBytes;
        this.maxZipEntries = maxZipEntries;
        this.maxZipExpandedBytes = maxZipExpandedBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Inspects the file; {@code declaredSize} is what the upload says it holds, checked before reading so an
     * oversized file is never read into memory.
     */
    InspectedFile inspect(String originalName, long declaredSize, ContentSource source) {
        String name = FileNames.sanitise(originalName);
        String shown = name.isEmpty() ? "The file" : "\"" + name + "\"";
        // the same subject for the translated message: "The file" or the quoted name, as each language writes it
        Object subject = name.isEmpty() ? resolvable("attachment.file.unnamed")
                : resolvable("attachment.file.named", name);
        if (declaredSize > maxBytes) {
            throw tooLarge(shown, subject, declaredSize);
        }
        byte[] content;
        try {
            content = source.read(maxBytes + 1);
        } catch (IOException e) {
            throw rejected("attachment.error.unreadable", shown + " could not be read. Please try again.", subject);
        }
        if (content.length == 0) {
            throw rejected("attachment.error.empty", shown + " is empty. Choose a file that has content.", subject);
        }
        if (content.length > maxBytes) {
            throw tooLarge(shown, subject, content.length);
        }
        AttachmentType type = detect(content, shown, subject);
        String extension = FileNames.extension(name);
        if (!extension.isEmpty() && !type.extensions().contains(extension)) {
            throw rejected("attachment.error.wrongExtension", shown + " is named like a ." + extension
                    + " file but its content is " + type.withArticle() + ". Rename it to ." + type.defaultExtension()
                    + " if that is what it is, or choose the right file.", subject, extension,
                    resolvable("attachment.type.withArticle." + type.name()), type.defaultExtension());
        }
        String stored = name.isEmpty() ? "attachment" : name;
        if (extension.isEmpty()) {
            stored = stored + "." + type.defaultExtension();
        }
        return new InspectedFile(stored, type, content, sha256(content));
    }

    private AttachmentRejectedException tooLarge(String shown, Object subject, long size) {
        return rejected("attachment.error.tooLarge", shown + " is " + FileSizes.human(size)
                + "; files can be at most " + FileSizes.human(maxBytes) + ".", subject, FileSizes.resolvable(size),
                FileSizes.resolvable(maxBytes));
    }

    private static AttachmentRejectedException rejected(String code, String english, Object... arguments) {
        return new AttachmentRejectedException(code, arguments, english);
    }

    private static MessageSourceResolvable resolvable(String code, Object... arguments) {
        return new DefaultMessageSourceResolvable(new String[] {code}, arguments);
    }

    private AttachmentType detect(byte[] content, String shown, Object subject) {
        if (startsWith(content, PDF)) {
            return AttachmentType.PDF;
        }
        if (startsWith(content, PNG)) {
            return AttachmentType.PNG;
        }
        if (startsWith(content, JPEG)) {
            return AttachmentType.JPEG;
        }
        if (startsWith(content, ZIP)) {
            return officeDocument(content, shown, subject);
        }
        throw notAllowed(shown, subject);
    }

    /** A Word or Excel file: a ZIP with the OOXML content-types part and the main part of its kind. */
    private AttachmentType officeDocument(byte[] content, String shown, Object subject) {
        boolean contentTypes = false;
        boolean wordDocument = false;
        boolean workbook = false;
        int entries = 0;
        long expanded = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > maxZipEntries) {
                    throw rejected("attachment.error.tooManyParts", shown + " is an archive with more than "
                            + maxZipEntries + " parts and cannot be accepted as a Word or Excel document.", subject,
                            maxZipEntries);
                }
                String entryName = entry.getName();
                contentTypes |= entryName.equals("[Content_Types].xml");
                wordDocument |= entryName.equals("word/document.xml");
                workbook |= entryName.equals("xl/workbook.xml");
                if (entryName.toLowerCase(java.util.Locale.ROOT).endsWith("vbaproject.bin")) {
                    throw rejected("attachment.error.macros", shown + " contains macros. Save it as a plain .docx "
                            + "or .xlsx file without macros and attach that.", subject);
                }
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    expanded += read;
                    if (expanded > maxZipExpandedBytes) {
                        throw rejected("attachment.error.expands", shown + " expands to more than "
                                + FileSizes.human(maxZipExpandedBytes) + " when opened and cannot be accepted.",
                                subject, FileSizes.resolvable(maxZipExpandedBytes));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // corrupt, encrypted or otherwise unreadable archive (IllegalArgumentException: bad entry names)
            throw rejected("attachment.error.damaged", shown + " is a damaged or unreadable archive. "
                    + allowedTypesSentence(), subject, resolvable("attachment.error.allowedTypes"));
        }
        if (contentTypes && wordDocument && !workbook) {
            return AttachmentType.DOCX;
        }
        if (contentTypes && workbook && !wordDocument) {
            return AttachmentType.XLSX;
        }
        throw rejected("attachment.error.zipNotOffice", shown + " is a ZIP archive, not a Word or Excel document. "
                + allowedTypesSentence(), subject, resolvable("attachment.error.allowedTypes"));
    }

    private static AttachmentRejectedException notAllowed(String shown, Object subject) {
        return rejected("attachment.error.notAllowed", shown + " is not a file type that can be attached. "
                + allowedTypesSentence(), subject, resolvable("attachment.error.allowedTypes"));
    }

    private static String allowedTypesSentence() {
        return "Attach " + AttachmentType.ALLOWED_TYPES + " files only.";
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length
                && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    static String sha256(byte[] content) {
        return Sha256.hex(content);
    }

    /** Where the bytes come from; reads at most {@code limit} bytes so a lying size cannot exhaust memory. */
    @FunctionalInterface
    interface ContentSource {
        byte[] read(long limit) throws IOException;

        static ContentSource of(InputStreamSupplier supplier) {
            return limit -> {
                try (InputStream in = supplier.open()) {
                    return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
                }
            };
        }

        static ContentSource of(byte[] bytes) {
            return limit -> Arrays.copyOf(bytes, (int) Math.min(bytes.length, limit));
        }
    }

    @FunctionalInterface
    interface InputStreamSupplier {
        InputStream open() throws IOException;
    }
}
