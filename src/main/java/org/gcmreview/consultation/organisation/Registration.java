package org.gcmreview.consultation.organisation;

/** What an organisation's contact typed into the registration form, trimmed. */
record Registration(String name, String stakeholderType, String countryIso3, String contactName,
        String contactEmail, String username, String password, String passwordRepeated) {

    static Registration of(java.util.function.Function<String, String> field) {
        return new Registration(trim(field.apply("name")), trim(field.apply("stakeholderType")),
                trim(field.apply("country")), trim(field.apply("contactName")), trim(field.apply("contactEmail")),
                trim(field.apply("username")), orEmpty(field.apply("password")),
                orEmpty(field.apply("passwordRepeated")));
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
