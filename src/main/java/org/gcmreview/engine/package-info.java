/**
 * Guards the embedded Camunda engine itself: at run time it deploys nothing but the product's own BPMN files
 * ({@code processes/}). Owns no table. Offers nothing to other modules; the engine's web side doors (Cockpit,
 * REST) are guarded in {@code web}.
 */
package org.gcmreview.engine;
