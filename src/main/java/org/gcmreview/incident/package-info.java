/**
 * Failed engine jobs (Camunda incidents) shown to the people they affect, in plain words and never as a stack
 * trace: the coordinator on the cycle page, the secretariat as "needs attention" in its workspace, the
 * administrator at {@code /admin/incidents}. A retry sets the job's retries and is audited. Owns no table (reads
 * the engine's incidents through its API). Offers {@link org.gcmreview.incident.ProcessIncidents}.
 */
package org.gcmreview.incident;
