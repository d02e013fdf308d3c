/**
 * Guards the embedded Camunda engine itself: at run time it deploys nothing but the product's own BPMN files
 * ({@code processes/}). Moves running instances to a new version of their process when operations ask for it
 * ({@code ProcessMigration}, run at start-up by {@code GCM_PROCESSES_MIGRATE}). Makes the engine's FEEL engine at
 * its first use rather than at every start ({@code FeelOnFirstUse}). Owns no table. The engine's web
 * side doors (Cockpit, REST) are guarded in {@code web}.
 */
package org.gcmreview.engine;
