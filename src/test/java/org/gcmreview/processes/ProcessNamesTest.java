package org.gcmreview.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import org.gcmreview.ApplicationTest;
import org.gcmreview.tasks.TaskForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The names Java shares with the BPMN files (one class per process in org.gcmreview.processes) exist in the BPMN
 * as deployed, every delegate expression names a bean of the application, and every task form serves a form key
 * that a user task has (and every form key has its form). A renamed activity, message or bean fails here, not in
 * the middle of a running process.
 */
@ApplicationTest
class ProcessNamesTest {

    private static final Map<Class<?>, String> PROCESSES = new LinkedHashMap<>();

    static {
        PROCESSES.put(NationalReview.class, "national-review.bpmn");
        PROCESSES.put(StakeholderConsultation.class, "stakeholder-consultation.bpmn");
        PROCESSES.put(RegionalReview.class, "regional-review.bpmn");
        PROCESSES.put(ImrfReview.class, "imrf-review.bpmn");
    }

    /** Variables Java sets for its own later steps; no BPMN expression reads them. */
    private static final Set<String> VARIABLES_JAVA_ONLY = Set.of(NationalReview.VAR_REPORT_VERSION_ID);

    private static final Pattern EXPRESSION_NAME = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");

    @Autowired
    ApplicationContext context;

    @Autowired
    List<TaskForm> forms;

    @Test
    void everyNameJavaUsesExistsInItsProcess() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<Class<?>, String> process : PROCESSES.entrySet()) {
            Bpmn bpmn = Bpmn.read(process.getValue());
            for (Field field : process.getKey().getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                    continue;
                }
                String name = field.getName();
                String value = (String) field.get(null);
                String where = process.getKey().getSimpleName() + "." + name + " = " + value;
                if (name.equals("PROCESS")) {
                    assertThat(bpmn.processIds()).as(where).contains(value);
                } else if (name.startsWith("MESSAGE_")) {
                    assertThat(bpmn.messageNames()).as(where).contains(value);
                } else if (name.startsWith("VAR_")) {
                    if (!VARIABLES_JAVA_ONLY.contains(value)) {
                        assertThat(bpmn.text()).as(where + " is read or set in " + process.getValue())
                                .containsPattern("\\b" + Pattern.quote(value) + "\\b");
                    }
                } else {
                    assertThat(bpmn.elementIds()).as(where).contains(value);
                }
                checked.add(where);
            }
        }
        assertThat(checked).hasSizeGreaterThan(20);
    }

    @Test
    void everyDelegateExpressionIsABean() throws Exception {
        Set<String> delegates = new TreeSet<>();
        for (String file : PROCESSES.values()) {
            delegates.addAll(Bpmn.read(file).delegateExpressions());
        }
        assertThat(delegates).isNotEmpty();
        for (String expression : delegates) {
            Matcher bean = EXPRESSION_NAME.matcher(expression);
            assertThat(bean.matches()).as("delegate expression %s names a bean", expression).isTrue();
            assertThat(context.containsBean(bean.group(1))).as("bean for %s", expression).isTrue();
        }
    }

    @Test
    void everyTaskFormServesAFormKeyOfTheProcessesAndEachKeyHasItsForm() throws Exception {
        Set<String> formKeys = new TreeSet<>();
        for (String file : PROCESSES.values()) {
            formKeys.addAll(Bpmn.read(file).formKeys());
        }
        Set<String> served = new TreeSet<>();
        for (TaskForm form : forms) {
            assertThat(formKeys).as("form key of %s", form.getClass().getSimpleName()).contains(form.formKey());
            served.add(form.formKey());
        }
        assertThat(served).isEqualTo(formKeys);
    }

    /** One BPMN file as deployed (from the classpath, where the build copies processes/). */
    record Bpmn(String text, Document document) {

        static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

        static Bpmn read(String file) throws Exception {
            ClassPathResource resource = new ClassPathResource("processes/" + file);
            String text;
            try (InputStream in = resource.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            try (InputStream in = resource.getInputStream()) {
                return new Bpmn(text, factory.newDocumentBuilder().parse(in));
            } catch (IOException e) {
                throw new IllegalStateException(file, e);
            }
        }

        Set<String> processIds() {
            return attributes(BPMN, "process", "id");
        }

        Set<String> messageNames() {
            return attributes(BPMN, "message", "name");
        }

        Set<String> elementIds() {
            Set<String> ids = new TreeSet<>();
            NodeList all = document.getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                String id = ((Element) all.item(i)).getAttribute("id");
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
            return ids;
        }

        Set<String> delegateExpressions() {
            return camundaAttribute("delegateExpression");
        }

        Set<String> formKeys() {
            return camundaAttribute("formKey");
        }

        private Set<String> camundaAttribute(String name) {
            Set<String> values = new TreeSet<>();
            NodeList all = document.getElementsByTagNameNS(BPMN, "*");
            for (int i = 0; i < all.getLength(); i++) {
                Element element = (Element) all.item(i);
                if (element.hasAttributeNS(CAMUNDA, name)) {
                    values.add(element.getAttributeNS(CAMUNDA, name));
                }
            }
            return values;
        }

        private Set<String> attributes(String namespace, String tag, String attribute) {
            Set<String> values = new TreeSet<>();
            NodeList elements = document.getElementsByTagNameNS(namespace, tag);
            for (int i = 0; i < elements.getLength(); i++) {
                values.add(((Element) elements.item(i)).getAttribute(attribute));
            }
            return values;
        }
    }
}
