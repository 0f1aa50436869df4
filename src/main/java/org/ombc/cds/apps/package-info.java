/**
 * The entry points beside CDS Hooks, each driving the same chart pipeline: the assessment API, the SMART
 * tumour-board view, the worklist over a Bulk Data export and the sandbox. Nothing depends on them, so an app can
 * change without touching the protocol or the logic.
 */
package org.ombc.cds.apps;
