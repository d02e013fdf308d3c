package org.gcmreview.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the Dockerfile's build stage copies into the image (its COPY lines before the first FROM ... AS runtime
 * stage, without --from), and what the Maven build of the jar reads (pom.xml's source and resource folders).
 */
public final class BuildContext {

    private BuildContext() {
    }

    /** The sources of every COPY of the build stage (the first stage), as written (relative to the repo). */
    public static List<String> copiedByBuildStage(Path dockerfile) {
        List<String> copied = new ArrayList<>();
        int stages = 0;
        for (String raw : lines(dockerfile)) {
            String line = raw.strip();
            if (line.regionMatches(true, 0, "FROM ", 0, 5)) {
                stages++;
                continue;
            }
            if (stages != 1 || !line.regionMatches(true, 0, "COPY ", 0, 5) || line.contains("--from")) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(line.substring(5).strip().split("\\s+")));
            words.removeIf(w -> w.startsWith("--"));
            // the last word is the destination
            copied.addAll(words.subList(0, words.size() - 1));
        }
        return copied;
    }

    /**
     * The top-level folders or files of the repository that {@code package -DskipTests} reads: the Maven wrapper
     * and pom, the main sources, and every main resource folder. Test sources and test resources are not read
     * when tests are skipped (the npm step for axe-core skips with them).
     */
    public static Set<String> readByPackageBuild(Path pom) {
        Set<String> read = new TreeSet<>(List.of("mvnw", ".mvn", "pom.xml"));
        Document doc = parse(pom);
        Element build = (Element) doc.getDocumentElement().getElementsByTagName("build").item(0);
        String sources = childText(build, "sourceDirectory");
        read.add(topLevel(sources == null ? "src/main/java" : sources));
        NodeList resources = build.getElementsByTagName("resources");
        for (int i = 0; i < resources.getLength(); i++) {
            Element r = (Element) resources.item(i);
            // only the project's own <build><resources>, not a profile's
            if (r.getParentNode() != build) {
                continue;
            }
            NodeList dirs = r.getElementsByTagName("directory");
            for (int j = 0; j < dirs.getLength(); j++) {
                read.add(topLevel(dirs.item(j).getTextContent().strip()));
            }
        }
        return read;
    }

    private static String topLevel(String path) {
        String p = path.replace("${project.basedir}/", "").replace("${basedir}/", "");
        return p.contains("/") ? p.substring(0, p.indexOf('/')) : p;
    }

    private static String childText(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        return null;
    }

    private static Document parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
