package org.gcmreview.reference;

/** An associated action of an objective, e.g. objective 1 action "a". */
record ObjectiveAction(String letter, String text) {
}
